// Owns the benchmark's model of the seed's approach: four raw selects of the window shipped as JSON to the
// client (stringify on the server, parse on the client), then every dashboard widget aggregated in plain JS.
import type { Store } from '../src/store/Store.ts';

type Raw = Record<string, unknown>;
interface Msg {
  id: string;
  conversation_id: string;
  created_at: string;
  model_id: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  tools_called: string | null;
  error_type: string | null;
}
interface Ev {
  message_id: string;
  rating: number | null;
  success: boolean | null;
  failure_tags: string[] | null;
}
interface Conv {
  id: string;
  session_id: string | null;
  experiment_name: string | null;
}
interface Model {
  model_id: string;
  training_method: string | null;
  base_model: string | null;
}
export interface SeedData {
  messages: Msg[];
  evaluations: Ev[];
  conversations: Conv[];
  models: Model[];
}

const iso = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** The seed's four selects over the window, each serialised to JSON (the wire) and parsed (the browser). */
export async function fetchSeedData(
  store: Store,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<{ data: SeedData; bytes: number }> {
  const win =
    'workspace_id = $1 AND created_at >= CAST($2 AS TIMESTAMP) AND created_at < CAST($3 AS TIMESTAMP)';
  const p = [workspaceId, iso(from), iso(to)];
  const selects = await Promise.all([
    store.query(
      `SELECT id, conversation_id, role, created_at, model_id, provider, input_tokens, output_tokens, latency_ms, CAST(tools_called AS VARCHAR) AS tools_called, tool_success, error_type FROM messages WHERE ${win}`,
      p,
    ),
    store.query(
      `SELECT id, message_id, evaluator_id, rating, success, failure_tags, created_at FROM evaluations WHERE ${win}`,
      p,
    ),
    store.query(
      `SELECT id, user_id, session_id, experiment_name, is_widget_session, created_at FROM conversations WHERE ${win}`,
      p,
    ),
    store.query(
      'SELECT model_id, name, provider, training_method, base_model FROM models WHERE workspace_id = $1',
      [workspaceId],
    ),
  ]);
  const wire = selects.map((rows) => JSON.stringify(rows));
  const [messages, evaluations, conversations, models] = wire.map((s) => JSON.parse(s) as Raw[]);
  return {
    data: {
      messages: messages as unknown as Msg[],
      evaluations: evaluations as unknown as Ev[],
      conversations: conversations as unknown as Conv[],
      models: models as unknown as Model[],
    },
    bytes: wire.reduce((n, s) => n + s.length, 0),
  };
}

function pct(sorted: number[], f: number): number | null {
  if (sorted.length === 0) return null;
  const i = (sorted.length - 1) * f;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

class Acc {
  messages = 0;
  errors = 0;
  evals = 0;
  rated = 0;
  ratingSum = 0;
  succ = 0;
  inTok = 0;
  outTok = 0;
  cost = 0;
  breach = 0;
  lat: number[] = [];
  convs = new Set<string>();
  summary(sla: number) {
    const s = this.lat.sort((a, b) => a - b);
    return {
      messages: this.messages,
      conversations: this.convs.size,
      avg_rating: this.rated ? this.ratingSum / this.rated : null,
      success_rate: this.evals ? (100 * this.succ) / this.evals : null,
      error_rate: this.messages ? (100 * this.errors) / this.messages : null,
      latency_p50: pct(s, 0.5),
      latency_p95: pct(s, 0.95),
      sla_breach_rate: s.length ? (100 * s.filter((v) => v > sla).length) / s.length : null,
      tokens: this.inTok + this.outTok,
      cost: this.cost,
      cost_per_message: this.messages ? this.cost / this.messages : null,
    };
  }
}

const LENGTHS: [number, string][] = [
  [1, '1'],
  [3, '2-3'],
  [5, '4-5'],
  [10, '6-10'],
  [20, '11-20'],
  [50, '21-50'],
  [Number.POSITIVE_INFINITY, '51+'],
];

/** Every widget of the dashboard from raw rows, as the seed's useMemo did; `model` is the filter change. */
export function aggregateSeed(d: SeedData, opts: { model?: string; slaMs: number; pricePer1k: number }) {
  const convById = new Map(d.conversations.map((c) => [c.id, c]));
  const modelById = new Map(d.models.map((m) => [m.model_id, m]));
  const evalsByMsg = new Map<string, Ev[]>();
  for (const e of d.evaluations) {
    const list = evalsByMsg.get(e.message_id);
    if (list) list.push(e);
    else evalsByMsg.set(e.message_id, [e]);
  }
  const group = <K>(map: Map<K, Acc>, k: K) => {
    const a = map.get(k) ?? new Acc();
    map.set(k, a);
    return a;
  };
  const overview = new Acc();
  const byModel = new Map<string | null, Acc>();
  const bySession = new Map<string, Acc>();
  const byTraining = new Map<string, Acc>();
  const byDay = new Map<string, Acc>();
  const costByDayModel = new Map<string, number>();
  const ratings = new Map<number, number>();
  const tags = new Map<string, number>();
  const errorTypes = new Map<string, number>();
  const tools = new Map<string, { calls: number; ok: number }>();
  const convLength = new Map<string, number>();
  for (const m of d.messages) {
    if (opts.model && m.model_id !== opts.model) continue;
    const conv = convById.get(m.conversation_id);
    const model = m.model_id ? modelById.get(m.model_id) : undefined;
    const day = m.created_at.slice(0, 10);
    const cost = (((m.input_tokens ?? 0) + (m.output_tokens ?? 0)) / 1000) * opts.pricePer1k;
    const evs = evalsByMsg.get(m.id) ?? [];
    const accs = [
      overview,
      group(byModel, m.model_id),
      group(bySession, `${conv?.session_id}|${conv?.experiment_name}`),
      group(byTraining, `${model?.training_method}|${model?.base_model}`),
      group(byDay, day),
    ];
    for (const a of accs) {
      a.messages++;
      a.convs.add(m.conversation_id);
      if (m.error_type) a.errors++;
      a.inTok += m.input_tokens ?? 0;
      a.outTok += m.output_tokens ?? 0;
      a.cost += cost;
      if (m.latency_ms !== null) a.lat.push(m.latency_ms);
      for (const e of evs) {
        a.evals++;
        if (e.success) a.succ++;
        if (e.rating !== null) {
          a.rated++;
          a.ratingSum += e.rating;
        }
      }
    }
    costByDayModel.set(`${day}|${m.model_id}`, (costByDayModel.get(`${day}|${m.model_id}`) ?? 0) + cost);
    convLength.set(m.conversation_id, (convLength.get(m.conversation_id) ?? 0) + 1);
    if (m.error_type) errorTypes.set(m.error_type, (errorTypes.get(m.error_type) ?? 0) + 1);
    for (const e of evs) {
      if (e.rating !== null) ratings.set(e.rating, (ratings.get(e.rating) ?? 0) + 1);
      for (const t of e.failure_tags ?? []) tags.set(t, (tags.get(t) ?? 0) + 1);
    }
    if (m.tools_called) {
      for (const t of JSON.parse(m.tools_called) as { name: string; success?: boolean }[]) {
        const s = tools.get(t.name) ?? { calls: 0, ok: 0 };
        s.calls++;
        if (t.success) s.ok++;
        tools.set(t.name, s);
      }
    }
  }
  const lengths = new Map<string, number>();
  for (const n of convLength.values()) {
    const label = LENGTHS.find(([hi]) => n <= hi)![1];
    lengths.set(label, (lengths.get(label) ?? 0) + 1);
  }
  const sum = (m: Map<unknown, Acc>) => [...m].map(([k, a]) => [k, a.summary(opts.slaMs)]);
  const days = [...byDay].map(([day, a]) => {
    const s = a.lat.sort((x, y) => x - y);
    return { day, ...a.summary(opts.slaMs), p90: pct(s, 0.9), p99: pct(s, 0.99) };
  });
  return {
    overview: overview.summary(opts.slaMs),
    models: sum(byModel),
    sessions: sum(bySession),
    training: sum(byTraining),
    days,
    costByDayModel: [...costByDayModel],
    ratings: [...ratings],
    tags: [...tags],
    lengths: [...lengths],
    tools: [...tools],
    errorTypes: [...errorTypes],
  };
}
