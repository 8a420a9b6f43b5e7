// Owns OTLP trace ingestion: decode, normalise, and hand the valid spans to the one writer (ack after commit).
import type { OtlpTraceResponse } from '@llm-analytics/core';
import { emptyRowSet, type SpanRow } from '../../store/RowSet.ts';
import type { GroupCommitWriter } from '../GroupCommitWriter.ts';
import type { GenAiDeriver } from './genai/GenAiDeriver.ts';
import type { OtlpEncoding } from './otlpEncodings.ts';
import { spanRows } from './spanRows.ts';

export class TraceService {
  constructor(
    private readonly writer: GroupCommitWriter,
    private readonly genAi: GenAiDeriver,
  ) {}

  /**
   * Writes spans through the one writer (resolves after commit), noting their traces first; returns the traces
   * these spans were first to bring, held for the derivation when `derive` (else given up at once).
   */
  async writeSpans(workspaceId: string, rows: SpanRow[], derive = false): Promise<Set<string>> {
    const first = this.genAi.claim(workspaceId, new Set(rows.map((r) => r.trace_id)));
    try {
      await this.writer.write({ ...emptyRowSet(), spans: rows });
    } catch (e) {
      this.genAi.release(workspaceId, first);
      throw e;
    }
    if (!derive) this.genAi.release(workspaceId, first);
    return first;
  }

  /**
   * Stores the request's valid spans (upsert by workspace, trace and span id) and resolves once they are
   * committed, with the assistant messages of their traces' LLM calls. Invalid spans are counted in `partialSuccess`, never stored; an undecodable body is a 400.
   */
  async export(workspaceId: string, body: Buffer, encoding: OtlpEncoding): Promise<OtlpTraceResponse> {
    const { rows, rejected, reasons } = spanRows(encoding.decodeRequest(body), workspaceId);
    if (rows.length) {
      const first = await this.writeSpans(workspaceId, rows, true);
      // Acknowledged only once the messages are written too: a client that saw no ack re-sends, and the
      // derivation (a function of the stored spans) runs again.
      await this.genAi.derive(workspaceId, rows, first);
    }
    if (!rejected) return {};
    const more = rejected > reasons.length ? `; and ${rejected - reasons.length} more` : '';
    return {
      partialSuccess: {
        rejectedSpans: rejected,
        errorMessage: `${rejected} span(s) rejected: ${reasons.join('; ')}${more}`,
      },
    };
  }
}
