// Owns the integer key of a trace id (spans.trace_key on DuckDB): its first 13 hex digits, 52 bits, exact in a double.
export const traceKey = (traceId: string): number => Number.parseInt(traceId.slice(0, 13), 16);
