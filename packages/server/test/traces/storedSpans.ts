// Owns reading a workspace's stored spans back in one engine-neutral form (times as epoch microseconds,
// JSON columns parsed), for comparing with what was sent.
import type { TestServer } from '../helpers/testServer.ts';

export async function storedSpans(s: TestServer, ws: string): Promise<Record<string, unknown>[]> {
  const us = (col: string) =>
    s.ctx.store.dialect === 'duckdb'
      ? `epoch_us(${col})::DOUBLE`
      : `round(extract(epoch from ${col}) * 1000000)::float8`;
  const rows = await s.ctx.store.query(
    `SELECT trace_id, span_id, parent_span_id, name, kind, ${us('start_time')} AS start_us,
       ${us('end_time')} AS end_us, duration_ms, status_code, status_message, attributes, resource_attributes,
       events, links, service_name, scope_name, scope_version
     FROM spans WHERE workspace_id = $1 ORDER BY trace_id, span_id`,
    [ws],
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null));
  return rows.map((r) => ({
    ...r,
    attributes: parse(r.attributes),
    resource_attributes: parse(r.resource_attributes),
    events: parse(r.events),
    links: parse(r.links),
  }));
}

export async function spanCount(s: TestServer, ws: string): Promise<number> {
  const [r] = await s.ctx.store.query<{ n: number }>(
    'SELECT count(*) AS n FROM spans WHERE workspace_id = $1',
    [ws],
  );
  return Number(r.n);
}
