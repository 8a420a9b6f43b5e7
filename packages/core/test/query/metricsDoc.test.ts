// Checks docs/metrics.md is exactly the registry rendered: one entry per metric and dimension id, each linking to
// the file that declares it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { registry } from '../../src/query/registry/registry.ts';
import { renderMetricsDoc } from '../../src/query/registry/renderMetricsDoc.ts';
import type { RegistrySubject } from '../../src/query/registry/types.ts';

const DOC = new URL('../../../../docs/metrics.md', import.meta.url);

test('docs/metrics.md matches the registry', () => {
  const rendered = renderMetricsDoc();
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered);
  const doc = readFileSync(DOC, 'utf8');
  const entries = [...doc.matchAll(/^### `(\w+)`$/gm)].map((m) => m[1]);
  const ids = [...registry.metrics.keys(), ...registry.dimensions.keys()];
  assert.deepEqual(entries, ids, 'one entry per registry id, in registry order');
  assert.equal(doc, rendered, 'docs/metrics.md is stale: run with UPDATE_DOCS=1');
});

test('registry holds exactly the ids issues 3 and 4 name', () => {
  assert.deepEqual(
    [...registry.metrics.keys()].sort(),
    [
      'messages',
      'conversations',
      'users',
      'input_tokens',
      'output_tokens',
      'total_tokens',
      'cost',
      'cost_per_message',
      // Issue 14: which groups' cost leaves messages unpriced.
      'unpriced_messages',
      'latency_avg',
      'latency_p50',
      'latency_p90',
      'latency_p95',
      'latency_p99',
      'sla_breach_rate',
      'errors',
      'error_rate',
      'tool_calls',
      'tool_success_rate',
      'evaluations',
      'avg_rating',
      'success_rate',
      'failures',
      'messages_per_conversation',
      // Issue 4's team view: who evaluates.
      'evaluators',
      // Issue 18: the denominators experiments sum per conversation beside their rates.
      'rated_evaluations',
      'timed_messages',
      'tool_calls_with_outcome',
    ].sort(),
  );
  const groupable = [...registry.dimensions.values()].filter((d) => d.groupable).map((d) => d.id);
  assert.deepEqual(
    groupable.sort(),
    [
      'time',
      'model',
      'provider',
      'training_method',
      'base_model',
      'session',
      'experiment',
      'widget',
      'role',
      'error_type',
      'failure_tag',
      'tool',
      'rating',
      'user',
      'evaluator',
      'conversation_length',
      // Issue 18: experiments' per-conversation sums and the latency values their bootstrap resamples.
      'conversation',
      'latency',
      // Issue 20: the user cohorts a message's user belongs to.
      'cohort',
    ].sort(),
  );
  assert.ok(registry.dimensions.get('success') && !registry.dimensions.get('success')!.groupable);
});

test('every rate, ratio and average that has a direction names the count it divides by', () => {
  for (const m of registry.metrics.values()) {
    if (m.per !== undefined) {
      const per = registry.metrics.get(m.per);
      assert.ok(per && per.type === 'count' && per.grain === m.grain, `${m.id} per ${m.per}`);
    }
    if (m.direction && ['rate', 'ratio', 'average'].includes(m.type)) assert.ok(m.per, m.id);
  }
});

const isSubject = (v: unknown): v is RegistrySubject =>
  typeof v === 'object' && v !== null && 'metrics' in v && 'dimensions' in v && 'module' in v;

test('each entry of docs/metrics.md links to the registry file that declares it', async () => {
  const doc = readFileSync(DOC, 'utf8');
  const entries = [...doc.matchAll(/^### `(\w+)`\n[\s\S]*?^Declared in \[`([\w.]+)`\]\(([^)]+)\)\.$/gm)];
  const ids = [...registry.metrics.keys(), ...registry.dimensions.keys()];
  assert.deepEqual(
    entries.map((m) => m[1]),
    ids,
    'every entry has its link, before the next entry',
  );
  for (const [, id, name, href] of entries) {
    const file = new URL(href, DOC);
    assert.ok(existsSync(file), `${id}: ${href} exists`);
    assert.ok(href.endsWith(`/${name}`), `${id}: the link text names the linked file`);
    // Declared, not merely mentioned: some ids are generated (latency_p50 … from one template).
    const subjects = Object.values((await import(file.href)) as Record<string, unknown>).filter(isSubject);
    const declared = subjects.flatMap((s) => [...s.metrics, ...s.dimensions]).map((d) => d.id);
    assert.ok(declared.includes(id), `${id} is declared by a subject exported from ${href}`);
  }
});
