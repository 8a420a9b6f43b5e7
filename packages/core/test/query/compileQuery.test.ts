// Table-driven compiler tests: SQL shape, bound parameters, workspace isolation, joins only when needed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalyticsQuery } from '../../src/query/AnalyticsQuery.ts';
import { type CompileContext, compileQuery } from '../../src/query/compileQuery.ts';
import type { DialectName } from '../../src/query/dialect/SqlDialect.ts';
import { QueryError } from '../../src/query/QueryError.ts';
import { registry } from '../../src/query/registry/registry.ts';

const INJECTION = "'; DROP TABLE messages; --";
const TABLES = ['messages', 'conversations', 'models', 'evaluations', 'tool_calls'];

function ctx(dialect: DialectName, over: Partial<CompileContext> = {}): CompileContext {
  return {
    workspaceId: 'ws-1',
    now: new Date('2025-06-01T12:00:00Z'),
    dialect,
    slaThresholdMs: 1500,
    priceBook: {
      default: { input_per_1k: 0.001, output_per_1k: 0.002 },
      providers: { OpenAI: { input_per_1k: 0.005, output_per_1k: 0.015 } },
      models: { 'my-ft': { input_per_1k: 0.0001, output_per_1k: 0.0002 } },
    },
    catalogPrices: [
      { provider: 'anthropic', model_id: 'claude', price: { input_per_1k: 0.003, output_per_1k: 0.015 } },
    ],
    ...over,
  };
}

/** Every table reference `FROM|JOIN <table> <alias>` must be constrained by `<alias>.workspace_id = $1`. */
function assertIsolated(sql: string) {
  const refs = [
    ...sql.matchAll(/\b(?:FROM|JOIN) (messages|conversations|models|evaluations|tool_calls) (\w+)/g),
  ];
  assert.ok(refs.length > 0, 'touches at least one table');
  for (const [, table, alias] of refs) {
    assert.match(
      sql,
      new RegExp(`\\b${alias}\\.workspace_id = \\$1\\b`),
      `${table} ${alias} lacks the workspace predicate`,
    );
  }
  const predicates = sql.match(/\.workspace_id = \$1\b/g) ?? [];
  assert.ok(predicates.length >= refs.length, 'one workspace predicate per table reference');
  for (const t of TABLES) {
    // A table name never appears outside FROM/JOIN (it is never built from request text).
    const unquoted = sql.replace(/"[^"]*"/g, '""');
    const bare = unquoted.match(new RegExp(`\\b${t}\\b`, 'g'))?.length ?? 0;
    const referenced = refs.filter((r) => r[1] === t).length;
    assert.equal(bare, referenced, `${t} referenced outside FROM/JOIN`);
  }
}

const FACT_TABLES = new Set(['messages', 'evaluations', 'tool_calls']);

/** Key mode: each fact table reference is constrained by `<alias>.ws = $1` (the key), any other by its id. */
function assertIsolatedByKey(sql: string, params: unknown[]) {
  assert.equal(params[0], 7);
  const id = params.indexOf('ws-1') + 1;
  const refs = [
    ...sql.matchAll(
      /\b(?:FROM|JOIN) (messages|conversations|models|evaluations|tool_calls|value_codes) (\w+)/g,
    ),
  ];
  assert.ok(refs.length > 0, 'touches at least one table');
  for (const [, table, alias] of refs) {
    const predicate = FACT_TABLES.has(table) ? `${alias}\\.ws = \\$1` : `${alias}\\.workspace_id = \\$${id}`;
    assert.ok(FACT_TABLES.has(table) || id > 0, `${table} needs the workspace id parameter`);
    assert.match(sql, new RegExp(`\\b${predicate}\\b`), `${table} ${alias} lacks its workspace predicate`);
  }
  assert.doesNotMatch(sql, /\b(?:x|b|e|t|cm)\.workspace_id\b/, 'no fact table compares workspace_id');
}

/** Placeholders run $1..$n with no gaps and no extras (PostgreSQL rejects unused parameters). */
function assertPlaceholders(sql: string, params: unknown[]) {
  const used = new Set([...sql.matchAll(/\$(\d+)\b/g)].map((m) => Number(m[1])));
  assert.deepEqual(
    [...used].sort((a, b) => a - b),
    params.map((_, i) => i + 1),
  );
}

const shapes: { name: string; q: AnalyticsQuery; has: RegExp[]; hasNot: RegExp[] }[] = [
  {
    name: 'message-only metrics scan messages alone',
    q: { metrics: ['messages', 'errors', 'input_tokens'], date_range: '7d' },
    has: [
      /FROM messages x/,
      /x\.created_at >= CAST\(\$2 AS TIMESTAMP\) AND x\.created_at < CAST\(\$3 AS TIMESTAMP\)/,
    ],
    hasNot: [/conversations/, /models/, /evaluations/, /tool_calls/, /UNION ALL/],
  },
  {
    name: 'session dimension groups on the session code carried on messages, decoded at the end',
    q: { metrics: ['messages'], dimensions: ['session'], date_range: '30d' },
    has: [
      /x\.session_code AS session_code FROM messages x WHERE/,
      /b\.session_code AS d_session/,
      /\) r LEFT JOIN value_codes v_session ON v_session\.workspace_id = \$1 AND v_session\.code = r\.d_session/,
      /v_session\.value AS "session"/,
    ],
    hasNot: [/conversations/, /models/, /evaluations/, /session_id/],
  },
  {
    name: 'training_method joins models by model_id',
    q: { metrics: ['messages'], dimensions: ['training_method'], date_range: '30d' },
    has: [/LEFT JOIN models md ON md\.workspace_id = \$1 AND md\.model_code = x\.model_code/],
    hasNot: [/conversations/, /evaluations/],
  },
  {
    name: 'evaluation metrics aggregate evaluations apart from messages, on their carried context (no join)',
    q: { metrics: ['messages', 'avg_rating', 'success_rate'], dimensions: ['model'], date_range: '30d' },
    has: [
      /x\.m_model_code AS model_code FROM evaluations x WHERE x\.workspace_id = \$1 AND x\.m_created_at >= .* AND x\.m_created_at IS NOT NULL\) e/,
      /e\.model_code AS d_model/,
      /UNION ALL/,
    ],
    hasNot: [/conversations/, /JOIN messages/, /JOIN \(SELECT/],
  },
  {
    name: 'all-time range has no time predicate',
    q: { metrics: ['messages'], date_range: 'all' },
    has: [/WHERE x\.workspace_id = \$1\)/],
    hasNot: [/created_at/],
  },
  {
    name: 'cost prices (model, provider) sub-groups from VALUES tables of bound prices',
    q: { metrics: ['cost'], dimensions: ['model'], date_range: '30d' },
    has: [
      /b\.model_code AS d_model, b\.model_code AS pmc, b\.provider_code AS ppc/,
      /GROUP BY 1, 2, 3\) g0\s+LEFT JOIN value_codes vm ON vm\.workspace_id = \$1 AND vm\.code = g0\.pmc/,
      /\) g LEFT JOIN \(VALUES/,
      /AS pmo\(model_id, i, o\)/,
      /AS ppo\(provider, i, o\)/,
      /AS pc\(provider, model_id, i, o\)/,
      /"__unpriced"/,
    ],
    hasNot: [/CASE WHEN b\.model_id/],
  },
  {
    name: 'failure_tag breakdown unnests tags in a derived table',
    q: { metrics: ['evaluations'], dimensions: ['failure_tag'], date_range: '90d' },
    has: [
      /unnest\(x\.failure_tags\) AS tag FROM evaluations x WHERE x\.workspace_id = \$1 AND .* IS NOT NULL\) e/,
      /e\.tag AS d_failure_tag/,
    ],
    hasNot: [/LATERAL/],
  },
  {
    name: 'rating filter on message metrics is a semi-join on the message id',
    q: { metrics: ['messages'], date_range: '30d', filters: ['in', 'rating', [4, 5]] },
    has: [/b\.id IN \(SELECT e\.message_id FROM evaluations e WHERE e\.workspace_id = \$1 AND e\.rating IN/],
    hasNot: [/JOIN evaluations/],
  },
  {
    name: 'tool dimension with message metrics goes through a distinct bridge',
    q: { metrics: ['messages'], dimensions: ['tool'], date_range: '30d' },
    has: [
      /JOIN \(SELECT DISTINCT t\.message_id, t\.name AS d_tool FROM tool_calls t WHERE t\.workspace_id = \$1\) br_tool/,
    ],
    hasNot: [/evaluations/],
  },
  {
    name: 'conversation_length counts window messages per conversation',
    q: { metrics: ['messages', 'conversations'], dimensions: ['conversation_length'], date_range: '30d' },
    has: [
      /LEFT JOIN \(SELECT cm\.conversation_id, count\(\*\) AS n FROM messages cm WHERE cm\.workspace_id = \$1 AND cm\.created_at >=/,
    ],
    hasNot: [/evaluations/],
  },
  {
    name: 'conversations alone by conversation_length: one aggregate per conversation, no join',
    q: {
      metrics: ['conversations'],
      dimensions: ['conversation_length'],
      date_range: '30d',
      filters: [
        'and',
        [
          ['eq', 'model', 'gpt-4o'],
          ['in', 'rating', [4, 5]],
        ],
      ],
    },
    has: [
      /SELECT b\.conversation_id, b\.model_id = CAST\(\$\d+ AS VARCHAR\) AND b\.id IN \(SELECT e\.message_id FROM evaluations e/,
      /count\(\*\) AS conversation_length, bool_or\(m\.p\) AS k FROM \(.*\) m GROUP BY m\.conversation_id\) c WHERE c\.k GROUP BY 1/,
    ],
    hasNot: [/JOIN/, /DISTINCT/],
  },
  {
    name: 'conversations alone by conversation_length, unfiltered: a plain count per conversation',
    q: { metrics: ['conversations'], dimensions: ['conversation_length'], date_range: '30d' },
    has: [
      /SELECT count\(\*\) AS conversation_length FROM messages b WHERE .* GROUP BY b\.conversation_id\) c GROUP BY 1/,
    ],
    hasNot: [/JOIN/, /DISTINCT/, / AS k /],
  },
  {
    name: 'conversations by conversation_length filtered on training method still joins (model attributes)',
    q: {
      metrics: ['conversations'],
      dimensions: ['conversation_length'],
      date_range: '30d',
      filters: ['eq', 'training_method', 'sft'],
    },
    has: [/LEFT JOIN models md/, /count\(DISTINCT b\.conversation_id\)/],
    hasNot: [],
  },
  {
    name: 'time dimension buckets and renders ISO text',
    q: { metrics: ['messages'], dimensions: ['time'], date_range: '7d' },
    has: [/date_trunc\('day', b\.created_at\)|CAST\(b\.created_at AS DATE\)/, /ORDER BY r\.d_time ASC/],
    hasNot: [],
  },
  {
    name: 'the priced part looks model attributes up on its grouped rows, not per message',
    q: { metrics: ['cost', 'latency_p95'], dimensions: ['training_method'], date_range: '7d' },
    has: [/md\.model_code = g0\.pmc/, /md\.model_code = x\.model_code/],
    hasNot: [],
  },
  {
    name: 'a filter on a model attribute joins models to every message of the priced part',
    q: {
      metrics: ['cost'],
      dimensions: ['training_method'],
      filters: ['eq', 'base_model', 'llama'],
      date_range: '7d',
    },
    has: [/md\.model_code = x\.model_code/],
    hasNot: [/md\.model_code = g0\.pmc/],
  },
  {
    name: 'a two-period statement counts distinct conversations with one select per window',
    q: { metrics: ['conversations', 'messages'], compare: 'previous_period', date_range: '30d' },
    has: [
      /SELECT 0 AS d___period, .*count\(DISTINCT b\.conversation_id\).* (WHERE|AND) b\.created_at >= /,
      /UNION ALL SELECT 1 AS d___period, .* (WHERE|AND) b\.created_at < /,
    ],
    hasNot: [],
  },
  {
    name: 'a priced query by model attribute alone never joins models per message',
    q: { metrics: ['cost', 'messages'], dimensions: ['base_model'], date_range: '7d' },
    has: [/md\.model_code = g0\.pmc/],
    hasNot: [/md\.model_code = x\.model_code/],
  },
];

/** A dimension of the message row alone (latency) takes message metrics only (parseQuery refuses the rest). */
const metricsFor = (metrics: string[], dim: string | undefined): string[] =>
  dim && registry.dimensions.get(dim)?.messageMetricsOnly
    ? metrics.filter((m) => registry.metrics.get(m)?.grain === 'message')
    : metrics;

for (const dialect of ['duckdb', 'postgres'] as const) {
  for (const s of shapes) {
    test(`${dialect}: ${s.name}`, () => {
      const c = compileQuery(s.q, ctx(dialect));
      for (const re of s.has) assert.match(c.sql, re);
      for (const re of s.hasNot) assert.doesNotMatch(c.sql, re);
      assertIsolated(c.sql);
      assertPlaceholders(c.sql, c.params);
      assert.equal(c.params[0], 'ws-1');
    });
  }

  test(`${dialect}: every metric and dimension compiles with the workspace predicate on every table`, () => {
    const metrics = [...registry.metrics.keys()];
    const groupable = [...registry.dimensions.values()].filter((d) => d.groupable).map((d) => d.id);
    for (const dim of [undefined, ...groupable]) {
      const c = compileQuery(
        { metrics: metricsFor(metrics, dim), dimensions: dim ? [dim] : [], date_range: '30d' },
        ctx(dialect),
      );
      assertIsolated(c.sql);
      assertPlaceholders(c.sql, c.params);
    }
  });

  test(`${dialect}: with a workspace key, fact tables are kept to the workspace by ws, the rest by its id`, () => {
    const metrics = [...registry.metrics.keys()];
    const groupable = [...registry.dimensions.values()].filter((d) => d.groupable).map((d) => d.id);
    const filters: AnalyticsQuery['filters'] = [
      'and',
      [
        ['eq', 'training_method', 'dpo'],
        ['eq', 'tool', 'search'],
        ['gte', 'rating', 4],
      ],
    ];
    for (const dim of [undefined, ...groupable]) {
      for (const q of [
        { metrics: metricsFor(metrics, dim), dimensions: dim ? [dim] : [], date_range: '30d' as const },
        {
          metrics: ['messages', 'latency_p95'],
          dimensions: dim ? [dim] : [],
          date_range: '7d' as const,
          filters,
        },
      ]) {
        const c = compileQuery(q, ctx(dialect, { workspaceKey: 7 }));
        assertIsolatedByKey(c.sql, c.params);
        assertPlaceholders(c.sql, c.params);
      }
    }
    // A statement reading only fact tables binds the key alone: no unused id parameter.
    const lean = compileQuery({ metrics: ['messages'], date_range: '7d' }, ctx(dialect, { workspaceKey: 7 }));
    assert.deepEqual(lean.params[0], 7);
    assert.ok(!lean.params.includes('ws-1'));
    assertPlaceholders(lean.sql, lean.params);
  });

  test(`${dialect}: injection attempts only ever reach the parameters`, () => {
    const filters: AnalyticsQuery['filters'] = [
      'or',
      [
        ['eq', 'model', INJECTION],
        ['contains', 'failure_tag', INJECTION],
        ['not', ['in', 'session', [INJECTION, 'x']]],
        ['eq', 'tool', INJECTION],
        ['contains', 'user', INJECTION],
      ],
    ];
    const c = compileQuery(
      {
        metrics: ['messages', 'avg_rating', 'tool_calls', 'cost'],
        dimensions: ['failure_tag'],
        date_range: '30d',
        filters,
      },
      ctx(dialect, {
        workspaceId: INJECTION,
        priceBook: { models: { [INJECTION]: { input_per_1k: 1, output_per_1k: 1 } } },
      }),
    );
    assert.doesNotMatch(c.sql, /DROP TABLE/);
    assert.doesNotMatch(c.sql, /'; /);
    assert.ok(c.params.filter((p) => p === INJECTION).length >= 6);
    assertIsolated(c.sql);
    assertPlaceholders(c.sql, c.params);
  });

  test(`${dialect}: NOT pushes down to null-keeping leaves`, () => {
    const c = compileQuery(
      {
        metrics: ['messages'],
        date_range: '7d',
        filters: [
          'not',
          [
            'and',
            [
              ['eq', 'model', 'a'],
              ['gte', 'conversation_length', 3],
            ],
          ],
        ],
      },
      ctx(dialect),
    );
    assert.match(
      c.sql,
      /\(\(b\.model_id IS NULL OR b\.model_id <> CAST\(\$\d+ AS VARCHAR\)\) OR \(b\.conversation_length IS NULL OR b\.conversation_length < /,
    );
  });

  test(`${dialect}: compare compiles the previous window of equal length`, () => {
    const c = compileQuery(
      { metrics: ['messages'], dimensions: ['time'], date_range: '7d', compare: 'previous_period' },
      ctx(dialect),
    );
    assert.ok(c.comparison);
    assert.deepEqual(c.meta.window, { from: '2025-05-25T12:00:00.000Z', to: '2025-06-01T12:00:00.000Z' });
    assert.deepEqual(c.meta.comparison_window, {
      from: '2025-05-18T12:00:00.000Z',
      to: '2025-05-25T12:00:00.000Z',
    });
    assert.equal(c.comparison.sql, c.sql);
    assert.deepEqual(c.comparison.params.slice(1), ['2025-05-18 12:00:00.000', '2025-05-25 12:00:00.000']);
  });

  test(`${dialect}: conditional counts are count_if on DuckDB and FILTER on PostgreSQL`, () => {
    const c = compileQuery(
      { metrics: ['success_rate', 'sla_breach_rate', 'tool_success_rate'], date_range: '30d' },
      ctx(dialect),
    );
    const [yes, no] =
      dialect === 'duckdb'
        ? [/count_if\(e\.success\)/, /FILTER/]
        : [/count\(\*\) FILTER \(WHERE e\.success\)/, /count_if/];
    assert.match(c.sql, yes);
    assert.match(
      c.sql,
      dialect === 'duckdb' ? /count_if\(b\.latency_ms > / : /FILTER \(WHERE b\.latency_ms > /,
    );
    assert.match(c.sql, dialect === 'duckdb' ? /count_if\(t\.success\)/ : /FILTER \(WHERE t\.success\)/);
    assert.doesNotMatch(c.sql, no);
  });

  test(`${dialect}: percentiles without any dimension come from a histogram, per period and grouped ones from the engine`, () => {
    const alone = compileQuery({ metrics: ['latency_p50', 'latency_p99'], date_range: '7d' }, ctx(dialect));
    assert.match(alone.sql, /b\.latency_ms AS v, count\(\*\) AS c .* b\.latency_ms IS NOT NULL GROUP BY 1\)/);
    assert.match(alone.sql, /sum\(h\.c\) OVER \(ORDER BY h\.v ROWS UNBOUNDED PRECEDING\) AS cum/);
    assert.doesNotMatch(alone.sql, /quantile_cont|percentile_cont/);
    const periods = compileQuery(
      { metrics: ['latency_p95'], date_range: '7d', compare: 'previous_period' },
      ctx(dialect),
    );
    // One ungrouped select per window: the engine's percentile, no histogram, no per-row period.
    assert.doesNotMatch(periods.sql, /AS cum|CASE WHEN/);
    const percentile = dialect === 'duckdb' ? 'quantile_cont\\(b\\.latency_ms' : 'percentile_cont\\(ARRAY';
    assert.match(
      periods.sql,
      new RegExp(
        `SELECT 0 AS d___period, .*${percentile}.* UNION ALL SELECT 1 AS d___period, .*${percentile}`,
      ),
    );
    const grouped = compileQuery(
      { metrics: ['latency_p95'], dimensions: ['model'], date_range: '7d' },
      ctx(dialect),
    );
    assert.match(
      grouped.sql,
      dialect === 'duckdb' ? /quantile_cont\(b\.latency_ms, \[/ : /percentile_cont\(ARRAY\[/,
    );
    assert.doesNotMatch(grouped.sql, /AS cum/);
  });

  test(`${dialect}: compare without dimensions compiles one statement over both windows`, () => {
    const c = compileQuery(
      { metrics: ['messages', 'avg_rating', 'cost'], date_range: '7d', compare: 'previous_period' },
      ctx(dialect),
    );
    assert.equal(c.comparison, undefined);
    assert.equal(c.periods, true);
    assert.deepEqual(c.window?.from.toISOString(), '2025-05-25T12:00:00.000Z');
    // The scan spans both windows; each row is told its period from the current window's start.
    for (const t of ['2025-05-18 12:00:00.000', '2025-05-25 12:00:00.000', '2025-06-01 12:00:00.000'])
      assert.ok(c.params.includes(t), t);
    assert.match(c.sql, /CASE WHEN b\.created_at >= .* THEN 0 ELSE 1 END/);
    assert.match(c.sql, /CASE WHEN e\.created_at >= .* THEN 0 ELSE 1 END/);
    assert.match(c.sql, /\(VALUES \(0\), \(1\)\) pp\(d___period\) LEFT JOIN/);
    assert.match(c.sql, /OVER \(PARTITION BY pp\.d___period\)/);
    // Conversation length is counted per window, so a filter on it keeps two statements.
    const len = compileQuery(
      {
        metrics: ['messages'],
        date_range: '7d',
        compare: 'previous_period',
        filters: ['gte', 'conversation_length', [3]],
      },
      ctx(dialect),
    );
    assert.ok(len.comparison);
    assert.equal(len.periods, undefined);
  });
}

test('auto granularity follows the window; hours over 90 days are too many groups', () => {
  const bucket = (date_range: AnalyticsQuery['date_range']) =>
    compileQuery({ metrics: ['messages'], dimensions: ['time'], date_range }, ctx('duckdb')).meta.time_bucket;
  assert.equal(bucket('7d'), 'day');
  assert.equal(bucket({ from: '2025-05-31T00:00:00Z', to: '2025-06-01T00:00:00Z' }), 'hour');
  assert.equal(bucket('90d'), 'day');
  assert.equal(bucket({ from: '2024-01-01', to: '2025-01-01' }), 'week');
  assert.equal(bucket({ from: '2020-01-01', to: '2025-01-01' }), 'month');
  assert.throws(
    () =>
      compileQuery(
        { metrics: ['messages'], dimensions: ['time'], date_range: '90d', granularity: 'hour' },
        ctx('duckdb'),
      ),
    (e: unknown) => e instanceof QueryError && e.code === 'too_many_groups',
  );
});

test('compileQuery validates its input too', () => {
  assert.throws(
    () => compileQuery({ metrics: ['nope'], date_range: '7d' }, ctx('duckdb')),
    (e: unknown) => e instanceof QueryError && e.code === 'unknown_metric',
  );
});

test('without a default price nothing is invented: unpriced layers are NULL', () => {
  const c = compileQuery(
    { metrics: ['cost'], date_range: '7d' },
    ctx('postgres', { priceBook: {}, catalogPrices: [] }),
  );
  assert.match(c.sql, /CAST\(NULL AS double precision\)/);
  assert.doesNotMatch(c.sql, /VALUES/);
});

test('the SLA threshold is a bound parameter', () => {
  const c = compileQuery(
    { metrics: ['sla_breach_rate'], date_range: '7d' },
    ctx('duckdb', { slaThresholdMs: 1234 }),
  );
  assert.ok(c.params.includes(1234));
  assert.doesNotMatch(c.sql, /1234/);
});

test('limit asks for one extra row to detect truncation; defaults to the cap', () => {
  assert.match(
    compileQuery({ metrics: ['messages'], date_range: '7d', limit: 5 }, ctx('duckdb')).sql,
    /LIMIT 6$/,
  );
  assert.match(compileQuery({ metrics: ['messages'], date_range: '7d' }, ctx('duckdb')).sql, /LIMIT 10001$/);
});
