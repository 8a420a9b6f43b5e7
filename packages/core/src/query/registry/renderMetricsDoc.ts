// Owns docs/metrics.md: rendered from the registry, so the document cannot drift from the code (a test compares).
import { registry } from './registry.ts';

const INTRO = `# Metrics and dimensions

Every number the product shows comes from one \`AnalyticsQuery\` compiled against this registry
(\`packages/core/src/query/registry/\`). This file is generated from it: after changing the registry run
\`UPDATE_DOCS=1 node scripts/test.mjs packages/core/test/query/metricsDoc.test.ts\`.

## How rows are counted

- **Date window.** \`date_range\` selects messages by their \`created_at\` (UTC), half-open \`[from, to)\`.
  \`7d|30d|90d\` end at the request time; \`{from, to}\` take ISO timestamps or dates (a date-only \`to\` includes
  that whole day). Evaluations and tool calls count when **their message** is in the window and passes the
  filters; an evaluation of a message outside the window never counts, whatever its own timestamp.
- **Grains.** Message metrics aggregate messages, evaluation metrics aggregate evaluations of their
  message, tool metrics aggregate tool calls of their message (each carries its message's time, model,
  provider, role, error type and conversation attributes, kept current by the writer even when the message
  or conversation arrives later). The grains are aggregated separately and merged on the dimension values,
  so a message with three evaluations is still one message. An evaluation whose message has not arrived
  counts nowhere until it does.
- **Dimensions of another grain.** Grouping message metrics by \`rating\`, \`failure_tag\` or \`tool\` counts a
  message once under each distinct value it has (a message rated 2 and 5 appears under both; an evaluation
  without a rating puts its message under the null rating); messages with no evaluation (tool call) drop out
  of that breakdown. Top-level filter terms on that grain alone pick the evaluations (tool calls) that supply
  the values: by \`rating\` with \`["eq", "success", false]\`, a message shows the ratings of its failed
  evaluations.
- **Filters.** \`[op, dimension, values]\` leaves (eq, neq, in, not_in, contains, gte, lte) combined with
  and/or/not. A leaf on the metric's own grain tests the row; a leaf on another grain tests the message:
  \`["eq", "rating", 5]\` keeps, for message metrics, messages with at least one 5-star evaluation and, for
  evaluation metrics, the 5-star evaluations. \`success\` works the same way (message metrics: messages with
  at least one evaluation of that outcome; unevaluated messages drop out). \`neq\`/\`not_in\`/\`not\` keep rows whose
  value is missing (\`["neq", "model", "x"]\` keeps messages without a model). \`contains\` is a
  case-insensitive substring test. Filtering on a grouped multi-valued dimension (\`failure_tag\`) restricts
  the groups to the requested values.
- **Empty groups.** Counts and sums are 0; averages, rates and percentiles are null when nothing is there to
  divide by.
- **Cost.** \`input_tokens/1000 × input_per_1k + output_tokens/1000 × output_per_1k\`, the price per message
  resolved: model override (exact \`model_id\`) › provider override (case-insensitive) › catalog
  (\`@pydantic/genai-prices\`, bundled data, by provider and model) › default. Computed at query time, so a
  price-book change reprices history everywhere. Messages carrying tokens that no layer prices add 0 and are
  reported as \`meta.unpriced_messages\` (each such message once, even when a dimension of another grain
  shows it in several groups).
`;

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Where docs/metrics.md finds the registry's files. */
export const REGISTRY_DIR_FROM_DOCS = '../packages/core/src/query/registry/';

/** The link line of an entry: the registry file that declares `id`. */
const declared = (id: string) => {
  const file = registry.files.get(id);
  return `Declared in [\`${file}\`](${REGISTRY_DIR_FROM_DOCS}${file}).\n\n`;
};

export function renderMetricsDoc(): string {
  const metrics = [...registry.metrics.values()].map(
    (m) =>
      `### \`${m.id}\`\n\n${m.description}\n\n${m.notes ? `${m.notes}\n\n` : ''}${declared(m.id)}| grain | type | unit | empty group | better |\n| --- | --- | --- | --- | --- |\n| ${m.grain} | ${m.type} | ${m.unit} | ${m.empty === 0 ? '0' : 'null'} | ${m.direction ?? '—'} |\n`,
  );
  const dims = [...registry.dimensions.values()].map(
    (d) =>
      `### \`${d.id}\`\n\n${cell(d.description)}\n\n${declared(d.id)}| grain | type | unit | group by |\n| --- | --- | --- | --- |\n| ${d.grain} | ${d.type} | ${d.unit} | ${d.groupable ? 'yes' : 'filter only'} |\n`,
  );
  return `${INTRO}\n## Metrics\n\n${metrics.join('\n')}\n## Dimensions\n\n${dims.join('\n')}`;
}
