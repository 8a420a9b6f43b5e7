// Owns turning DuckDB's JS values into JSON-safe values: bigint → number, Date → ISO string.
export function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(toPlain);
  return v;
}
