// Owns the seeded generator of ingest batches for the fast-validator property test: mostly valid records,
// each field sometimes swapped for a boundary or wrong-typed value, so both verdicts are common.

/** mulberry32: seeded so a failing case number reproduces. */
export class TestRng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** Whether the batch holds something the fast path may leave to zod even when valid (see validateBatchFast). */
export interface Generated {
  batch: unknown;
  exotic: boolean;
}

const EMOJI = '\u{1F600}'; // two UTF-16 units, one code point
const NUL = '\u0000'; // storable in DuckDB, not in PostgreSQL: invalid everywhere
const WRONG = [1, 0, true, false, {}, [], 'x'];
const str = (n: number, ch = 'x') => ch.repeat(n);
/** `levels` objects (or arrays) nested in one another: {"a":{"a":…0…}}. JSON.stringify overflows near
 *  4,000 levels, and the property test serialises every batch, so the generator stays well below that. */
const nested = (levels: number, array = false): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < levels; i++) v = array ? [v] : { a: v };
  return v;
};

const GOOD_ID = ['a', 'm-1', str(256), str(256, EMOJI), `${str(255)}${EMOJI}`, '\u00e9\u00e8', ' '];
const BAD_ID = [
  '',
  str(257),
  str(257, EMOJI),
  `${str(256)}${EMOJI}`,
  str(257, '\uD800'),
  NUL,
  `m${NUL}1`,
  null,
  undefined,
  ...WRONG,
];
const GOOD_LABEL = ['', 'openai', str(256), str(256, EMOJI), `${str(255)}\uD800`, null, undefined];
const BAD_LABEL = [str(257), `${str(256)}\uDC00`, `${str(255)}\uDC00\uD800`, `open${NUL}ai`, ...WRONG];
const GOOD_TS = [
  '2026-11-20T10:00:00Z',
  '2025-11-18T15:28:44.795Z',
  '2024-01-01T00:00:00.123456+05:30',
  '2024-02-29T23:59:59-23:59',
  '2000-02-29T00:00:00.1Z',
  '0000-02-29T00:00:00Z',
  undefined,
];
const BAD_TS = [
  '2024-01-01',
  '2024-01-01T00:00:00',
  '2024-01-01t00:00:00Z',
  '2024-01-01T00:00:00z',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2024-01-01T00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-01-01T00:00:60Z',
  '2024-01-01T00:00:00.Z',
  '2024-01-01T00:00:00+0530',
  '2024-01-01T00:00:00+24:00',
  '2024-01-01 00:00:00Z',
  '2024-01-01T00:00:00Z ',
  '+2024-01-01T00:00:00Z',
  '',
  null,
  1700000000000,
  {},
];
const GOOD_COUNT = [0, 1, 412, 2147483647, -0, null, undefined];
const BAD_COUNT = [-1, 1.5, 2147483648, 4294967296, Number.NaN, Infinity, -Infinity, 1e21, '5', true, {}];
const GOOD_RATING = [1, 2, 3, 4, 5, 5.0, null, undefined];
const BAD_RATING = [0, 6, 2.5, -1, Number.NaN, '3', true];
/** Benchmark records have many fields: rarer bad values keep about as many of them valid as of the others. */
const RARE_BAD = 0.01;
const GOOD_SCORE = [0, -1.5, 0.25, 1e300, -0, null, undefined];
const BAD_SCORE = [Number.NaN, Infinity, -Infinity, '0.5', true, {}];
const GOOD_BOOL = [true, false, null, undefined];
const BAD_BOOL = [0, 1, 'true', {}, []];
const GOOD_CONTENT = ['', 'hello', 'caf\u00e9 \u2014 \u{1F600}', null, undefined];
/** Boundary-sized content is slow to copy around, so it is drawn rarely. */
const BIG_CONTENT = [
  str(100_000),
  str(50_001, EMOJI),
  str(100_001),
  str(100_001, EMOJI),
  `${str(100_000)}\uD800`,
];
const BAD_CONTENT = [5, {}, true, `hello${NUL}`, NUL];
const GOOD_METHOD = ['base', 'sft', 'dpo', 'rlhf', 'other', null, undefined];
const BAD_METHOD = ['ppo', 'SFT', '', 0];
const GOOD_ROLE = ['user', 'assistant', 'system', 'tool'];
const BAD_ROLE = ['bot', 'User', '', null, undefined, 1];
/** JSON text of exactly `n` characters: {"k":"xxx…"} */
const jsonOfLength = (n: number) => ({ k: str(n - 8) });
const GOOD_META = [
  {},
  { a: 1, b: [1, 'x'], c: { d: null } },
  { 1: 'x', b: 2 },
  jsonOfLength(16_384),
  null,
  nested(32),
  { a: nested(31, true) },
];
const BAD_META = [
  [],
  'x',
  5,
  true,
  jsonOfLength(16_385),
  new Date(0),
  new Map(),
  nested(33),
  { a: nested(32, true) },
  nested(1000),
  { [`k${NUL}`]: 1 },
  { k: ['ok', NUL] },
];
const GOOD_JSON = [null, 0, 'x', [1, 2], { a: { b: [] } }, str(16_382), true, undefined, nested(32, true)];
const BAD_JSON = [
  str(16_383),
  [str(16_380)],
  { k: str(16_384) },
  nested(33, true),
  nested(1000),
  `a${NUL}`,
  { [NUL]: 1 },
];

export class BatchGen {
  exotic = false;
  constructor(private readonly rng: TestRng) {}

  /** A valid value most of the time, else a boundary or wrong one. */
  private field(good: readonly unknown[], bad: readonly unknown[], pBad = 0.04): unknown {
    return this.rng.chance(pBad) ? this.rng.pick(bad) : this.rng.pick(good);
  }

  /** Builds an object from [key, value, required] entries: optional keys are often absent, sometimes
   *  present-undefined; then maybe an unknown key, a shuffled order or a non-plain prototype. */
  private record(entries: [string, () => unknown, boolean][]): unknown {
    const r = this.rng;
    if (r.chance(0.01)) return r.pick([null, [], 'x', 5, undefined]);
    let pairs: [string, unknown][] = [];
    for (const [k, gen, required] of entries) {
      if (required ? r.chance(0.01) : r.chance(0.45)) continue;
      pairs.push([k, gen()]);
    }
    if (r.chance(0.03)) pairs.push([r.pick(['colour', 'ID', 'Id', 'constructor', 'toString', 'tools']), 1]);
    if (r.chance(0.2)) pairs = pairs.sort(() => r.next() - 0.5);
    if (r.chance(0.01)) {
      const rest = JSON.stringify(Object.fromEntries(pairs)).slice(1);
      return JSON.parse(`{"__proto__":1${rest === '}' ? '' : ','}${rest}`);
    }
    if (r.chance(0.01)) {
      this.exotic = true;
      return Object.assign(Object.create(null), Object.fromEntries(pairs));
    }
    const o: Record<string, unknown> = {};
    for (const [k, v] of pairs) o[k] = v;
    return o;
  }

  private list(item: () => unknown, maxLen: number): unknown {
    const r = this.rng;
    if (r.chance(0.02)) return r.pick([null, 'x', {}, 5]);
    return Array.from({ length: r.int(0, maxLen) }, item);
  }

  private metadata(): unknown {
    const r = this.rng;
    if (r.chance(0.03)) {
      this.exotic = true;
      return r.pick([
        () => JSON.parse('{"__proto__":{"x":1},"a":2}'),
        () => Object.assign(Object.create(null), { a: 1 }),
        () => ({ [Symbol('s')]: 1, a: 1 }),
        () => ({ constructor: 'x' }),
      ])();
    }
    return this.field(GOOD_META, BAD_META, 0.1);
  }

  private toolCall = (): unknown =>
    this.record([
      ['name', () => this.field(GOOD_ID, BAD_ID), true],
      ['success', () => this.field(GOOD_BOOL, BAD_BOOL), false],
      ['duration_ms', () => this.field(GOOD_COUNT, BAD_COUNT), false],
    ]);

  private tools(): unknown {
    const r = this.rng;
    if (r.chance(0.02)) return Array.from({ length: r.pick([64, 65]) }, () => ({ name: 't' }));
    return r.chance(0.5) ? r.pick([null, undefined]) : this.list(this.toolCall, 3);
  }

  private tags(): unknown {
    const r = this.rng;
    if (r.chance(0.03)) return Array(r.pick([32, 33])).fill('t');
    const tag = () =>
      this.field(['a', str(64), str(64, EMOJI), `${str(63)}\uD800`], ['', str(65), 1, null, `t${NUL}`]);
    return r.chance(0.4) ? r.pick([null, undefined]) : this.list(tag, 3);
  }

  model = (): unknown =>
    this.record([
      ['model_id', () => this.field(GOOD_ID, BAD_ID), true],
      ['name', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['provider', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['training_method', () => this.field(GOOD_METHOD, BAD_METHOD), false],
      ['base_model', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['training_dataset', () => this.field(GOOD_JSON, BAD_JSON, 0.1), false],
      ['evaluation_metrics', () => this.field(GOOD_JSON, BAD_JSON, 0.1), false],
      ['metadata', () => this.metadata(), false],
    ]);

  conversation = (): unknown =>
    this.record([
      ['id', () => this.field(GOOD_ID, BAD_ID), true],
      ['user_id', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['session_id', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['experiment_name', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['is_widget_session', () => this.field(GOOD_BOOL, BAD_BOOL), false],
      ['created_at', () => this.field(GOOD_TS, BAD_TS), false],
    ]);

  message = (): unknown =>
    this.record([
      ['id', () => this.field(GOOD_ID, BAD_ID), true],
      ['conversation_id', () => this.field(GOOD_ID, BAD_ID), true],
      ['role', () => this.field(GOOD_ROLE, BAD_ROLE), true],
      [
        'content',
        () => (this.rng.chance(0.01) ? this.rng.pick(BIG_CONTENT) : this.field(GOOD_CONTENT, BAD_CONTENT)),
        false,
      ],
      ['created_at', () => this.field(GOOD_TS, BAD_TS), false],
      ['model_id', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['provider', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['input_tokens', () => this.field(GOOD_COUNT, BAD_COUNT), false],
      ['output_tokens', () => this.field(GOOD_COUNT, BAD_COUNT), false],
      ['latency_ms', () => this.field(GOOD_COUNT, BAD_COUNT), false],
      ['tools_called', () => this.tools(), false],
      ['tool_success', () => this.field(GOOD_BOOL, BAD_BOOL), false],
      ['error_type', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['metadata', () => this.metadata(), false],
    ]);

  evaluation = (): unknown =>
    this.record([
      ['id', () => this.field(GOOD_ID, BAD_ID), true],
      ['message_id', () => this.field(GOOD_ID, BAD_ID), true],
      ['evaluator_id', () => this.field(GOOD_LABEL, BAD_LABEL), false],
      ['rating', () => this.field(GOOD_RATING, BAD_RATING), false],
      ['success', () => this.field(GOOD_BOOL, BAD_BOOL), false],
      ['failure_tags', () => this.tags(), false],
      ['created_at', () => this.field(GOOD_TS, BAD_TS), false],
    ]);

  benchmark = (): unknown =>
    this.record([
      ['id', () => this.field(GOOD_ID, BAD_ID, RARE_BAD), true],
      ['name', () => this.field(GOOD_LABEL, BAD_LABEL, RARE_BAD), false],
      ['description', () => this.field(GOOD_CONTENT, BAD_CONTENT, RARE_BAD), false],
      ['task_type', () => this.field(GOOD_LABEL, BAD_LABEL, RARE_BAD), false],
      ['dataset', () => this.field(GOOD_LABEL, BAD_LABEL, RARE_BAD), false],
      ['metric', () => this.field(GOOD_LABEL, BAD_LABEL, RARE_BAD), false],
    ]);

  benchmarkResult = (): unknown =>
    this.record([
      ['id', () => this.field(GOOD_ID, BAD_ID, RARE_BAD), true],
      ['benchmark_id', () => this.field(GOOD_ID, BAD_ID, RARE_BAD), true],
      ['run_id', () => this.field(GOOD_ID, BAD_ID, RARE_BAD), true],
      ['model_id', () => this.field(GOOD_ID, BAD_ID, RARE_BAD), true],
      ['item_id', () => this.field(GOOD_ID, BAD_ID, RARE_BAD), true],
      ['passed', () => this.field(GOOD_BOOL, BAD_BOOL, RARE_BAD), false],
      ['score', () => this.field(GOOD_SCORE, BAD_SCORE, RARE_BAD), false],
      ['judge', () => this.field(GOOD_LABEL, BAD_LABEL, RARE_BAD), false],
      ['judgment', () => this.field(GOOD_CONTENT, BAD_CONTENT, RARE_BAD), false],
      ['created_at', () => this.field(GOOD_TS, BAD_TS, RARE_BAD), false],
    ]);

  /** A whole batch: each top-level list absent, undefined, wrong-typed or a few records. */
  batch(): Generated {
    const r = this.rng;
    this.exotic = false;
    const out: Record<string, unknown> = {};
    // Benchmark lists come less often, so the mix of valid and invalid batches stays near even.
    for (const [key, item, pSkip] of [
      ['models', this.model, 0.25],
      ['conversations', this.conversation, 0.25],
      ['messages', this.message, 0.25],
      ['evaluations', this.evaluation, 0.25],
      ['benchmarks', this.benchmark, 0.75],
      ['benchmark_results', this.benchmarkResult, 0.75],
    ] as const) {
      if (r.chance(pSkip)) continue;
      out[key] = r.chance(0.02)
        ? r.pick([undefined, null, {}, 'x'])
        : Array.from({ length: r.int(0, 3) }, item);
    }
    if (r.chance(0.01)) out.traces = [];
    return { batch: out, exotic: this.exotic };
  }
}
