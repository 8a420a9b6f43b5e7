// Owns `llm-analytics import FILE --table T`: stream a CSV/JSONL/JSON export, convert each row to the wire
// format, validate it, and send it in batches through the caller's ingest function (the real ingest path).
// Rows of batches sent before a failure stay written; since ingest upserts by id, re-running the fixed file
// is safe and changes nothing twice.
import { stat } from 'node:fs/promises';
import { type IngestBatchInput, LIMITS } from '@llm-analytics/core';
import { convertRow, FieldError } from './convertRow.ts';
import { ImportError } from './ImportError.ts';
import {
  IMPORT_TABLES,
  type ImportTable,
  resolveImportTable,
  type SupabaseTableName,
} from './importTables.ts';
import { openRecordSource } from './readRecords.ts';

export interface RunImportOptions {
  file: string;
  /** Target table; the seed's Supabase names `llm_models` and `message_evaluations` are accepted too. */
  table: ImportTable | SupabaseTableName;
  ingest: (batch: IngestBatchInput) => Promise<unknown>;
  /** Rows per ingest call; default 1000. */
  batchSize?: number;
  onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
}

export interface RunImportResult {
  rows: number;
  /** Columns found in the file that the wire format has no place for, and so were not imported. */
  droppedColumns: string[];
}

export async function runImport(opts: RunImportOptions): Promise<RunImportResult> {
  const table = resolveImportTable(opts.table);
  const spec = IMPORT_TABLES[table];
  const batchSize = Math.min(LIMITS.itemsPerBatch, Math.max(1, Math.floor(opts.batchSize ?? 1000)));
  const totalBytes = (await stat(opts.file)).size;
  const source = openRecordSource(opts.file);
  const dropped = new Set<string>();
  let items: Record<string, unknown>[] = [];
  let lines: number[] = [];
  let rows = 0;

  const fail = (line: number, field: string | null, reason: string, cause?: unknown): never => {
    throw new ImportError(opts.file, line, field, reason, source.unit, { cause });
  };

  const send = async () => {
    if (items.length === 0) return;
    try {
      await opts.ingest({ [table]: items } as IngestBatchInput);
    } catch (err) {
      // Map the server's `messages[3].rating` back to the file line of item 3; anything else (network,
      // writer closed…) is not about a row and is passed on unchanged.
      const located = locateIssue(err, table);
      if (!located || located.index >= lines.length) throw err;
      fail(lines[located.index], located.field, located.message, err);
    }
    rows += items.length;
    items = [];
    lines = [];
    opts.onProgress?.(source.bytesRead(), totalBytes, rows);
  };

  for await (const rec of source.records()) {
    let item: Record<string, unknown>;
    try {
      item = convertRow(spec, rec.row, dropped, opts.file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    } catch (err) {
      if (err instanceof FieldError) fail(rec.line, err.field, err.message);
      throw err;
    }
    // Validating here names the exact line before anything of this batch is sent.
    const parsed = spec.schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(rec.line, formatPath(issue.path.map(String)), issue.message);
    }
    items.push(item);
    lines.push(rec.line);
    if (items.length >= batchSize) await send();
  }
  await send();
  opts.onProgress?.(totalBytes, totalBytes, rows);
  return { rows, droppedColumns: [...dropped].sort() };
}

interface LocatedIssue {
  index: number;
  field: string | null;
  message: string;
}

/**
 * Finds the first item-level issue in an ingest error. Accepts the shapes the server may throw: an error
 * with `issues` (zod or the API's `{path, message}` list), or one wrapping the API body `{error: {issues}}`.
 */
function locateIssue(err: unknown, table: ImportTable): LocatedIssue | null {
  const e = err as {
    issues?: unknown;
    body?: { error?: { issues?: unknown } };
    error?: { issues?: unknown };
  };
  const issues = e?.issues ?? e?.body?.error?.issues ?? e?.error?.issues;
  if (!Array.isArray(issues)) return null;
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const parts = Array.isArray(issue.path) ? issue.path.map(String) : pathParts(String(issue.path ?? ''));
    if (parts[0] !== table || !/^\d+$/.test(parts[1] ?? '')) continue;
    return {
      index: Number(parts[1]),
      field: formatPath(parts.slice(2)),
      message: String(issue.message ?? 'invalid'),
    };
  }
  return null;
}

/** ['tools_called', '0', 'name'] → `tools_called[0].name`; an empty path (whole row) → null. */
function formatPath(parts: string[]): string | null {
  const s = parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return s === '' ? null : s;
}

/** `messages[3].tools_called[0].name` → ['messages', '3', 'tools_called', '0', 'name'] */
function pathParts(path: string): string[] {
  return path.split(/[.[\]]+/).filter((p) => p !== '');
}
