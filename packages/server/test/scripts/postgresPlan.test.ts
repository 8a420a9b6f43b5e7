// Owns the table of PostgreSQL states npm test may meet and what it does about each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PG_URL, type PostgresFacts, postgresPlan } from '../../../../scripts/postgresPlan.mjs';

const down = { version: '15', name: 'main', port: 5432, status: 'down' };
const stoppedLocal: PostgresFacts = { url: DEFAULT_PG_URL, reachable: false, root: true, clusters: [down] };

test('reachable: used as is', () => {
  assert.deepEqual(postgresPlan({ ...stoppedLocal, reachable: true }), { action: 'use' });
  assert.deepEqual(postgresPlan({ ...stoppedLocal, reachable: true, clusters: null, root: false }), {
    action: 'use',
  });
});

test('a stopped local cluster on the URL port is started as root, the way .ci/run does', () => {
  const other = { version: '16', name: 'side', port: 5433, status: 'down' };
  assert.deepEqual(postgresPlan({ ...stoppedLocal, clusters: [other, down] }), {
    action: 'start',
    cluster: '15/main',
    commands: [['pg_ctlcluster', '--skip-systemctl-redirect', '15', 'main', 'start']],
  });
  assert.deepEqual(
    postgresPlan({
      ...stoppedLocal,
      url: 'postgres://postgres@localhost:5433/postgres',
      clusters: [down, other],
    }),
    {
      action: 'start',
      cluster: '16/side',
      commands: [['pg_ctlcluster', '--skip-systemctl-redirect', '16', 'side', 'start']],
    },
  );
});

test('anything else is explained, never started: remote, no cluster on that port, not root, cluster not down', () => {
  const rows: [Partial<PostgresFacts>, string, RegExp][] = [
    [{ clusters: null }, 'postgres_unreachable', /not reachable at 127\.0\.0\.1:5432 \(the default\)/],
    [{ clusters: [{ ...down, port: 5433 }] }, 'postgres_unreachable', /or point TEST_PG_URL at one/],
    [{ url: 'postgres://u@db.example:5432/x' }, 'postgres_unreachable', /db\.example:5432 \(TEST_PG_URL\)/],
    [
      { root: false },
      'postgres_needs_root',
      /\n {2}sudo pg_ctlcluster --skip-systemctl-redirect 15 main start$/,
    ],
    [{ clusters: [{ ...down, status: 'online' }] }, 'postgres_not_accepting', /reports "online"/],
  ];
  for (const [change, code, message] of rows) {
    const plan = postgresPlan({ ...stoppedLocal, ...change });
    assert.equal(plan.action, 'warn', JSON.stringify(change));
    if (plan.action !== 'warn') continue;
    assert.equal(plan.code, code, JSON.stringify(change));
    assert.match(plan.message, message);
  }
});
