// Owns the typed error every query-engine failure is reported with (mapped to HTTP 400 by the server).
export type QueryErrorCode =
  | 'invalid_query'
  | 'unknown_metric'
  | 'unknown_dimension'
  | 'invalid_filter'
  | 'invalid_date_range'
  | 'too_many_groups';

export class QueryError extends Error {
  readonly code: QueryErrorCode;
  /** Where in the query the problem is, e.g. `filters[1][2]`; empty when it concerns the whole query. */
  readonly path: string;

  constructor(code: QueryErrorCode, message: string, path = '') {
    super(message);
    this.name = 'QueryError';
    this.code = code;
    this.path = path;
  }

  /** The API error envelope body, so routes can reply without knowing the error's shape. */
  toJSON(): {
    error: { code: QueryErrorCode; message: string; issues?: { path: string; message: string }[] };
  } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.path ? { issues: [{ path: this.path, message: this.message }] } : {}),
      },
    };
  }
}
