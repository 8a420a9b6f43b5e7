// Owns ingestion: validate a whole batch (all-or-nothing), turn it into rows, hand it to the one writer.
import {
  type IngestAccepted,
  type IngestBatch,
  IngestBatchSchema,
  toIssues,
  validateBatchFast,
} from '@llm-analytics/core';
import { ApiError } from '../http/ApiError.ts';
import { appendBatchRows, emptyRowSet } from '../store/RowSet.ts';
import type { GroupCommitWriter } from './GroupCommitWriter.ts';

/** Told about commits, so cached per-workspace facts (model prices, query replies) stay current. */
export interface MessageObserver {
  noteCommit(workspaceId: string): void;
  noteMessages(workspaceId: string, messages: { provider: string | null; model_id: string | null }[]): void;
}

export class IngestService {
  constructor(
    private readonly writer: GroupCommitWriter,
    private readonly observer?: MessageObserver,
  ) {}

  /** Validates `body`; on any invalid item throws a 400 ApiError listing every issue, writing nothing. */
  async ingest(workspaceId: string, body: unknown): Promise<IngestAccepted> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ApiError(
        400,
        'invalid_body',
        'the body must be a JSON object {models?, conversations?, messages?, evaluations?, benchmarks?, benchmark_results?}',
      );
    }
    // The hand-written check passes a valid batch several times faster than zod; zod stays the judge of
    // everything else, so a 400 lists exactly the issues it always did.
    const batch = validateBatchFast(body) ?? parseWithZod(body);
    const rows = emptyRowSet();
    appendBatchRows(rows, workspaceId, batch);
    await this.writer.write(rows);
    this.observer?.noteCommit(workspaceId);
    if (rows.messages.length) this.observer?.noteMessages(workspaceId, rows.messages);
    const accepted: IngestAccepted['accepted'] = {
      models: batch.models?.length ?? 0,
      conversations: batch.conversations?.length ?? 0,
      messages: batch.messages?.length ?? 0,
      evaluations: batch.evaluations?.length ?? 0,
    };
    if (batch.benchmarks) accepted.benchmarks = batch.benchmarks.length;
    if (batch.benchmark_results) accepted.benchmark_results = batch.benchmark_results.length;
    return { accepted };
  }
}

/** zod's verdict: the data when valid (the fast path also defers some unusual valid inputs), else a 400. */
function parseWithZod(body: unknown): IngestBatch {
  const parsed = IngestBatchSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ApiError(
    400,
    'validation_failed',
    `the batch has ${parsed.error.issues.length} invalid field(s); nothing was written`,
    toIssues(parsed.error),
  );
}
