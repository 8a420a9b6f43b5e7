// Owns the importer's user-facing failure: which file, which line (or record of a JSON array) and which
// field went wrong, so a bad row in a million-line export can be found and fixed.
export class ImportError extends Error {
  constructor(
    readonly file: string,
    /** 1-based physical line of the record's start (CSV, JSONL) or 1-based element index (JSON array). */
    readonly line: number,
    readonly field: string | null,
    readonly reason: string,
    readonly unit: 'line' | 'record' = 'line',
    options?: { cause?: unknown },
  ) {
    super(
      `${file}:${unit === 'line' ? '' : 'record '}${line}: ${field ? `field "${field}": ` : ''}${reason}`,
      options,
    );
    this.name = 'ImportError';
  }
}
