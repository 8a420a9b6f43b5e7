// The catalogue distributes on Citus unchanged: every workspace table's key and unique index begins with
// workspace_id, indexes name real columns, and docs/scaling.md gives exactly the catalogue's statements.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CATALOGUE } from '../../src/catalogue/catalogue.ts';
import { citusStatements } from '../../src/catalogue/citusStatements.ts';
import { tableColumns } from '../../src/catalogue/tableColumns.ts';
import { tableIndexes } from '../../src/catalogue/tableDdl.ts';

const DOC = new URL('../../../../docs/scaling.md', import.meta.url);

test('every workspace-distributed table is keyed, and uniquely indexed, from workspace_id', () => {
  for (const t of CATALOGUE.filter((x) => x.distribution === 'workspace')) {
    assert.ok('workspace_id' in t.columns, `${t.name} has workspace_id`);
    assert.equal(t.key.columns[0], 'workspace_id', `${t.name}'s key begins with workspace_id`);
    // Citus accepts a unique index on a distributed table only if it holds the distribution column.
    for (const [name, cols, unique] of tableIndexes(t))
      if (unique) assert.equal(cols[0], 'workspace_id', `${t.name}.${name} begins with workspace_id`);
  }
});

test('keys and indexes name columns the table has on PostgreSQL, and index names are unique', () => {
  const names = new Set<string>();
  for (const t of CATALOGUE) {
    const cols = new Set(tableColumns(t, 'postgres').map((c) => c.name));
    for (const [name, columns] of tableIndexes(t)) {
      assert.ok(!names.has(name), `index name ${name} is used once`);
      names.add(name);
      for (const c of columns) assert.ok(cols.has(c), `${t.name}.${name}: ${c} is a column`);
    }
  }
});

test('docs/scaling.md gives exactly the catalogue distribution statements', () => {
  const doc = readFileSync(DOC, 'utf8');
  const block = doc.match(/<!-- citus:begin -->\n```sql\n([\s\S]*?)```\n<!-- citus:end -->/);
  assert.ok(block, 'docs/scaling.md has the citus block');
  assert.equal(block[1], `${citusStatements().join('\n')}\n`);
});
