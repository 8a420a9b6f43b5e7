// Owns the bound-parameter list of one compiled statement: values go here, never into the SQL text.
/** A bound value of either engine; a text array binds as an array (LIST on DuckDB). */
export type SqlValue = string | number | boolean | null | string[];

export class SqlParams {
  readonly values: SqlValue[] = [];

  /** Binds `value` and returns its `$n` placeholder (both DuckDB and PostgreSQL accept `$n`). */
  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
