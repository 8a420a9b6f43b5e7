// Owns token and cost metrics; cost is priced at query time from the workspace price book.
import type { RegistrySubject } from './types.ts';

export const costSubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [
    {
      id: 'in_tok',
      grain: 'message',
      kind: 'additive',
      sql: () => 'sum(b.input_tokens)',
      columns: ['input_tokens'],
    },
    {
      id: 'out_tok',
      grain: 'message',
      kind: 'additive',
      sql: () => 'sum(b.output_tokens)',
      columns: ['output_tokens'],
    },
    {
      // Messages that carry tokens: only those can be left unpriced. Token counts are never negative (ingest
      // validates them), so either being positive is the test: cheaper per row than adding them (1M messages,
      // 60 days: 35M fewer instructions).
      id: 'tok_msgs',
      grain: 'message',
      kind: 'additive',
      sql: (x) => x.dialect.countIf('b.input_tokens > 0 OR b.output_tokens > 0'),
      columns: ['input_tokens', 'output_tokens'],
    },
    {
      id: 'cost',
      grain: 'message',
      kind: 'priced',
      needs: ['in_tok', 'out_tok'],
      sql: (x) =>
        `sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(${x.priceIn}, 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(${x.priceOut}, 0))`,
    },
    {
      id: 'unpriced',
      grain: 'message',
      kind: 'priced',
      needs: ['tok_msgs'],
      // Every layer prices both directions; naming both keeps every bound price referenced when no cost metric
      // is asked for (`unpriced_messages` alone): PostgreSQL and DuckDB reject a bound parameter left unused.
      sql: (x) => `sum(CASE WHEN COALESCE(${x.priceIn}, ${x.priceOut}) IS NULL THEN g.tok_msgs ELSE 0 END)`,
    },
  ],
  metrics: [
    {
      id: 'input_tokens',
      grain: 'message',
      sql: 'COALESCE({in_tok}, 0)',
      type: 'sum',
      unit: 'tokens',
      description: 'Σ input_tokens (missing counts as 0).',
      empty: 0,
      direction: 'lower',
    },
    {
      id: 'output_tokens',
      grain: 'message',
      sql: 'COALESCE({out_tok}, 0)',
      type: 'sum',
      unit: 'tokens',
      description: 'Σ output_tokens (missing counts as 0).',
      empty: 0,
      direction: 'lower',
    },
    {
      id: 'total_tokens',
      grain: 'message',
      sql: 'COALESCE({in_tok}, 0) + COALESCE({out_tok}, 0)',
      type: 'sum',
      unit: 'tokens',
      description: 'input_tokens + output_tokens.',
      empty: 0,
      direction: 'lower',
    },
    {
      id: 'cost',
      grain: 'message',
      sql: 'COALESCE({cost}, 0)',
      type: 'sum',
      unit: 'usd',
      description:
        'Σ input_tokens/1000 × input_per_1k + output_tokens/1000 × output_per_1k, the price of each message resolved model override (exact model_id) › provider override › catalog (@pydantic/genai-prices) › default. Computed at query time, so a price change reprices history. Messages with tokens that no layer prices add 0 and are counted in `meta.unpriced_messages`.',
      empty: 0,
      direction: 'lower',
    },
    {
      id: 'unpriced_messages',
      grain: 'message',
      sql: 'COALESCE({unpriced}, 0)',
      type: 'sum',
      unit: 'messages',
      description:
        'Messages carrying tokens (input_tokens > 0 or output_tokens > 0) that no price layer prices; `cost` counts them as 0. Per group, so a table can mark which rows are incomplete; `meta.unpriced_messages` is the distinct count over the whole reply.',
      notes:
        'Summing this metric over groups equals `meta.unpriced_messages` when each message sits in one group (message dimensions such as `model` or `session`); a dimension of another grain (`evaluator`, `tool`, `failure_tag`) puts a message under each of its values, so the per-group counts can add up to more than the distinct total.',
      empty: 0,
    },
    {
      id: 'cost_per_message',
      grain: 'message',
      sql: 'COALESCE({cost}, 0) / NULLIF({n}, 0)',
      type: 'ratio',
      unit: 'usd',
      description: 'cost / messages.',
      empty: null,
      direction: 'lower',
      per: 'messages',
    },
  ],
  dimensions: [],
};
