// Owns CSV parsing for the importer: an incremental RFC-4180 parser (quoted fields, embedded commas and
// newlines, "" escapes, CRLF or LF) that is fed chunks of any size and remembers each record's first line,
// so errors can name the line a user sees in their editor. No dependency: the format is small and exact.
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * One record. An unquoted empty field is `null` and a quoted empty field (`""`) is the empty string — the
 * same convention PostgreSQL's COPY … CSV (and so Supabase's export) uses to tell NULL from ''.
 */
export interface CsvRecord {
  line: number;
  fields: (string | null)[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

export class CsvParser {
  private fields: (string | null)[] = [];
  private field = '';
  /** The current field began with a quote (so it is never NULL, and nothing may follow its closing quote). */
  private quoted = false;
  private inQuotes = false;
  /** Inside quotes we saw `"`: the next character decides between an escaped quote and the closing quote. */
  private afterQuote = false;
  /** The previous chunk ended with CR; a LF starting this chunk belongs to the same line break. */
  private skipLF = false;
  private line = 1;
  private recordLine = 1;
  private first = true;

  /** Feeds the next chunk; returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    let i = 0;
    if (this.first && n > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark written by spreadsheet tools
    }
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (this.inQuotes) {
        if (!this.afterQuote) {
          // Copy the run up to the next quote in one slice; count newlines for line numbers.
          let j = i;
          while (j < n) {
            const d = chunk.charCodeAt(j);
            if (d === QUOTE) break;
            if (d === LF) this.line++;
            j++;
          }
          this.field += chunk.slice(i, j);
          if (j < n) this.afterQuote = true;
          i = j + 1;
          continue;
        }
        this.afterQuote = false;
        if (c === QUOTE) {
          this.field += '"';
          i++;
          continue;
        }
        this.inQuotes = false; // that quote closed the field; `c` is handled below
      }
      if (c === COMMA) {
        this.endField();
        i++;
      } else if (c === LF || c === CR) {
        this.endRecord(out);
        this.skipLF = c === CR;
        i++;
      } else if (this.quoted) {
        throw new CsvSyntaxError(
          'unexpected character after a closing quote (use "" for a quote)',
          this.line,
        );
      } else if (c === QUOTE && this.field === '') {
        this.quoted = true;
        this.inQuotes = true;
        i++;
      } else {
        // Unquoted run: a stray quote inside it is kept literally, as most CSV readers do.
        let j = i;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        i = j;
      }
    }
    return out;
  }

  /** Ends the input; returns the last record when the file does not end with a newline. */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.afterQuote) {
      throw new CsvSyntaxError('quoted field is never closed', this.recordLine);
    }
    this.inQuotes = false;
    this.afterQuote = false;
    const out: CsvRecord[] = [];
    if (this.fields.length > 0 || this.field !== '' || this.quoted) this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.fields.push(this.quoted || this.field !== '' ? this.field : null);
    this.field = '';
    this.quoted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    // A blank line is not a record (a one-column file's empty value must then be written as "").
    if (this.fields.length > 0 || this.field !== '' || this.quoted) {
      this.endField();
      out.push({ line: this.recordLine, fields: this.fields });
      this.fields = [];
    }
    this.line++;
    this.recordLine = this.line;
  }
}

/** Parses a whole CSV text at once (tests and small inputs). */
export function parseCsv(text: string): CsvRecord[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}
