// Owns the in-process micro-measurement of POST /api/ingest's event-loop steps, in µs per message:
// body parsing, validation (zod vs the fast path), timestamp parsing and row building.
// Run: npx tsx packages/server/bench/validate.micro.ts  (about ten seconds on one core; not a load benchmark)
import { type IngestBatchInput, IngestBatchSchema, validateBatchFast } from '@llm-analytics/core';
import Fastify, { type FastifyBodyParser, type FastifyInstance } from 'fastify';
import { generateDemo } from '../src/demo/generateDemo.ts';
import { installJsonParser } from '../src/http/installJsonParser.ts';
import { parseIsoMs } from '../src/store/parseIsoMs.ts';
import { appendBatchRows, emptyRowSet } from '../src/store/RowSet.ts';

/** A realistic batch of exactly 1000 messages with their conversations and evaluations, as JSON text. */
function demoBatchJson(): { text: string; messages: number; items: number } {
  const demo = generateDemo({ messages: 3000, seed: 7, now: new Date('2026-01-01T00:00:00Z') });
  const b = demo.next().value as IngestBatchInput;
  const messages = b.messages!.slice(0, 1000);
  const msgIds = new Set(messages.map((m) => m.id));
  const convIds = new Set(messages.map((m) => m.conversation_id));
  const batch = {
    models: b.models,
    conversations: b.conversations!.filter((c) => convIds.has(c.id!)),
    messages,
    evaluations: b.evaluations!.filter((e) => msgIds.has(e.message_id)),
  };
  const items =
    batch.models!.length + batch.conversations.length + batch.messages.length + batch.evaluations.length;
  return { text: JSON.stringify(batch), messages: messages.length, items };
}

/** Median and mean µs per message of `fn(body)`; the mean includes the GC work the allocations cause. */
function measure(name: string, text: string, messages: number, fn: (body: unknown) => unknown): number {
  const rounds = 400;
  const bodies = Array.from({ length: 20 }, () => JSON.parse(text));
  for (let i = 0; i < 60; i++) fn(bodies[i % bodies.length]); // warm up: let the JIT settle
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn(bodies[r % bodies.length]);
    times.push(Number(process.hrtime.bigint() - t0) / 1000 / messages);
  }
  const mean = Number(process.hrtime.bigint() - start) / 1000 / messages / rounds;
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  console.log(`${name.padEnd(44)} median ${median.toFixed(3)}  mean ${mean.toFixed(3)} µs/msg`);
  return mean;
}

/** The parser function installJsonParser registers, captured from a stand-in app. */
function ourJsonParser(app: FastifyInstance): FastifyBodyParser<string> {
  let parser: FastifyBodyParser<string> | undefined;
  const stub = {
    initialConfig: app.initialConfig,
    getDefaultJsonParser: app.getDefaultJsonParser.bind(app),
    removeContentTypeParser: () => {},
    addContentTypeParser: (_type: string, _opts: unknown, fn: FastifyBodyParser<string>) => {
      parser = fn;
    },
  };
  installJsonParser(stub as unknown as FastifyInstance, 1 << 30);
  return parser!;
}

const { text, messages, items } = demoBatchJson();
console.log(`batch: ${messages} messages, ${items} items, ${(text.length / 1024).toFixed(0)} KiB of JSON\n`);

const app = Fastify();
const fastifyParser = app.getDefaultJsonParser('error', 'error');
const ours = ourJsonParser(app);
const parseWith = (parser: FastifyBodyParser<string>) => () => {
  let out: unknown;
  // biome-ignore lint/suspicious/noExplicitAny: the request is unused by both parsers
  parser({} as any, text, (err, body) => {
    if (err) throw err;
    out = body;
  });
  return out;
};
const parseBefore = measure(
  'body parse: Fastify default (secure-json-parse)',
  text,
  messages,
  parseWith(fastifyParser),
);
const parseAfter = measure('body parse: installJsonParser', text, messages, parseWith(ours));
measure('  (JSON.parse alone)', text, messages, () => JSON.parse(text));

const zod = measure('validate: IngestBatchSchema.safeParse', text, messages, (b) =>
  IngestBatchSchema.safeParse(b),
);
const fast = measure('validate: validateBatchFast', text, messages, (b) => validateBatchFast(b));

const stamps = (b: unknown) => {
  const batch = b as IngestBatchInput;
  return [...(batch.conversations ?? []), ...(batch.messages ?? []), ...(batch.evaluations ?? [])].map(
    (r) => r.created_at as string,
  );
};
const allStamps = stamps(JSON.parse(text));
const dateBefore = measure('timestamps: Date.parse', text, messages, () => {
  let s = 0;
  for (const t of allStamps) s += Date.parse(t);
  return s;
});
const dateAfter = measure('timestamps: parseIsoMs', text, messages, () => {
  let s = 0;
  for (const t of allStamps) s += parseIsoMs(t);
  return s;
});
const valid = Array.from({ length: 20 }, () => validateBatchFast(JSON.parse(text))!);
let v = 0;
measure('appendBatchRows (with parseIsoMs)', text, messages, () =>
  appendBatchRows(emptyRowSet(), 'ws', valid[v++ % valid.length]),
);

const saved = parseBefore - parseAfter + (zod - fast) + (dateBefore - dateAfter);
console.log(
  `\nvalidation ${(zod / fast).toFixed(1)}x cheaper; total saved ≈ ${saved.toFixed(2)} µs/msg (means)`,
);
