// Owns docs/otel-genai.md: rendered from the mapping's data, so the document cannot drift from the code (a test compares).
import { CONTENT_EVENTS, CONVENTIONS, FIELD_DOCS, type GenAiField } from './genAiConventions.ts';

const code = (keys: readonly string[] | undefined) =>
  keys?.length ? keys.map((k) => `\`${k}\``).join(', ') : '—';

export function renderGenAiDoc(): string {
  const fields = Object.keys(FIELD_DOCS) as GenAiField[];
  const lines = [
    '# OpenTelemetry GenAI spans → messages',
    '',
    '<!-- Rendered from packages/server/src/ingest/otlp/genai/genAiConventions.ts by renderGenAiDoc.ts;',
    '     `UPDATE_DOCS=1 node scripts/test.mjs packages/server/test/traces/genAiDoc.test.ts` rewrites it. -->',
    '',
    'Every span sent to `POST /v1/traces` is stored as it came. A span that is an **LLM call** is also written as',
    'an assistant message, so every dashboard metric, filter and price covers OpenTelemetry-instrumented apps with',
    'no other step. A span that is a **tool call** becomes a tool call of the message of its LLM call.',
    '',
    '## Which spans are calls',
    '',
    'The conventions are tried in this order; the first whose marker attribute the span has decides (the Vercel',
    'AI SDK also sets `gen_ai.*` attributes on its provider calls, which are read as Vercel spans).',
    '',
    '| convention | marker | LLM call when | tool call when |',
    '| --- | --- | --- | --- |',
    ...CONVENTIONS.map(
      (c) =>
        `| ${c.title} | \`${c.marker}${c.marker.endsWith('.') ? '*' : ''}\` | ${c.llmRule} | ${c.toolRule} |`,
    ),
    '',
    '## Attributes read, per field',
    '',
    'For each field, the first attribute present (in the order listed) gives its value. A value the ingest',
    'schema would refuse (a label over 256 characters, a negative or fractional token count) is left empty.',
    '',
    `| field | becomes | ${CONVENTIONS.map((c) => c.id).join(' | ')} |`,
    `| --- | --- | ${CONVENTIONS.map(() => '---').join(' | ')} |`,
    ...fields.map(
      (f) => `| ${f} | ${FIELD_DOCS[f]} | ${CONVENTIONS.map((c) => code(c.fields[f])).join(' | ')} |`,
    ),
    '',
    'Older instrumentations put the prompt and completion in span events instead:',
    '',
    '| event | attribute | field |',
    '| --- | --- | --- |',
    ...CONTENT_EVENTS.map((e) => `| \`${e.event}\` | \`${e.attribute}\` | ${e.field} |`),
    '',
    'Chat messages (GenAI’s `[{role, parts: [{type: "text", content}]}]`, OpenAI’s and OpenInference’s',
    '`{choices: [{message: {content}}]}`) have their text parts joined; JSON without text is kept as JSON.',
    '',
    '## The message',
    '',
    '- **id**: `<trace id>-<span id>`, so a re-sent span rewrites the same message and changes no count.',
    '- **conversation**: the conversation field above, else the trace id. A conversation the workspace does not',
    '  have yet is created (its `user_id` from the user field, `created_at` the call’s start); one it has — sent',
    '  through `/api/ingest`, say, with its session and experiment — keeps its own fields, and the message',
    '  carries them like any other.',
    '- **created_at** is the span’s end, **latency_ms** its duration; **error_type** is set on an errored call.',
    '- **metadata**: `{trace_id, span_id, source: "otel", convention}` — the conversation view links each',
    '  message to its trace with it.',
    '- **Wrappers are counted once**: an LLM span with another LLM span below it (a framework’s span around the',
    '  provider’s) is not a message; the innermost call is. This is judged on the spans stored so far: SDKs',
    '  export a child when it ends, so before its parent; a parent sent before its child would stay a message.',
    '- **Tools**: a tool span belongs to the LLM call it sits under, else to the call of its trace that ended',
    '  last before it started (an agent runs the tools the previous answer asked for). Its name, success (the',
    '  span’s status is not ERROR) and duration become an entry of `tools_called`.',
    '- **When**: the spans are committed, then the messages of the traces they touch are derived again from all',
    '  the trace’s stored spans (a tool span may arrive in a later request than its call), and only then is the',
    '  request acknowledged: a client that got no answer re-sends, and the derivation runs again. The spans',
    '  looked for are those within an hour of the request’s: calls and tools further apart are derived apart.',
    '',
  ];
  return lines.join('\n');
}
