// Checks docs/otel-genai.md is exactly the mapping rendered, with a row per field and a column per convention.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONVENTIONS, FIELD_DOCS } from '../../src/ingest/otlp/genai/genAiConventions.ts';
import { renderGenAiDoc } from '../../src/ingest/otlp/genai/renderGenAiDoc.ts';

const DOC = new URL('../../../../docs/otel-genai.md', import.meta.url);

test('docs/otel-genai.md matches the mapping', () => {
  const rendered = renderGenAiDoc();
  if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, rendered);
  const doc = readFileSync(DOC, 'utf8');
  for (const f of Object.keys(FIELD_DOCS)) assert.match(doc, new RegExp(`^\\| ${f} \\|`, 'm'), f);
  for (const c of CONVENTIONS) {
    for (const keys of Object.values(c.fields)) for (const k of keys) assert.ok(doc.includes(`\`${k}\``), k);
  }
  assert.equal(doc, rendered, 'docs/otel-genai.md is stale: run with UPDATE_DOCS=1');
});
