// Owns the writer's memory of recently committed conversations' carried attributes: a commit of messages whose
// conversations are stored then reads none of them back (a lookup of 1,000 ids costs about 5 ms of CPU).
import {
  type CodedConversationRow,
  type ContextSource,
  type ConversationAttrs,
  conversationAttrs,
} from '../messageContext.ts';

/** Conversations remembered at most (about 150 bytes each); the oldest written are forgotten first. */
const CAPACITY = 100_000;

interface Entry {
  ws: string;
  attrs: ConversationAttrs;
}

export class ConversationCache {
  /**
   * By conversation id alone, with the workspace in the entry: ids parsed from a request body hash once, where
   * a workspace-and-id key is a new string to hash on every look-up. Two workspaces' equal ids share a slot,
   * and the one not held is read from the table.
   */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = CAPACITY) {}

  private set(ws: string, id: string, attrs: ConversationAttrs): void {
    this.entries.delete(id);
    this.entries.set(id, { ws, attrs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Conversations a commit wrote: call only once it has committed, so memory never runs ahead of the table. */
  remember(rows: readonly CodedConversationRow[]): void {
    for (const r of rows) this.set(r.workspace_id, r.id, conversationAttrs(r));
  }

  /** Forgets the workspace's conversations (its rows were deleted). */
  forget(ws: string): void {
    for (const [id, entry] of this.entries) if (entry.ws === ws) this.entries.delete(id);
  }

  /**
   * `source` with conversations answered from memory first. What it reads is remembered too: the commit reads
   * committed rows, and a commit that writes the same conversation never runs beside it (CommitLanes).
   */
  over(source: ContextSource): ContextSource {
    return {
      conversations: async (ws, ids) => {
        const found = new Map<string, ConversationAttrs>();
        const missing: string[] = [];
        for (const id of ids) {
          const hit = this.entries.get(id);
          if (hit?.ws === ws) found.set(id, hit.attrs);
          else missing.push(id);
        }
        if (missing.length) {
          for (const [id, attrs] of await source.conversations(ws, missing)) {
            found.set(id, attrs);
            this.set(ws, id, attrs);
          }
        }
        return found;
      },
      messages: (ws, ids) => source.messages(ws, ids),
    };
  }
}
