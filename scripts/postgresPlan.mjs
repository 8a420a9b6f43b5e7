// Owns the decision of what npm test does about PostgreSQL: use it, start a local stopped cluster, or explain.
// Pure (facts in, action out) so a table-driven test covers every machine without having to be each machine.

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Types and the facts' meaning: postgresPlan.d.mts. */
export function postgresPlan({ url, reachable, root, clusters }) {
  if (reachable) return { action: 'use' };
  const { hostname, port: p } = new URL(url);
  const port = Number(p || 5432);
  const where = `${hostname}:${port}`;
  const need = `PostgreSQL is not reachable at ${where} (${url === DEFAULT_PG_URL ? 'the default' : 'TEST_PG_URL'}); the PostgreSQL tests will fail.`;
  const cluster = LOCAL_HOSTS.has(hostname) ? clusters?.find((c) => c.port === port) : undefined;
  if (!cluster) {
    return {
      action: 'warn',
      code: 'postgres_unreachable',
      message: `${need} Start a PostgreSQL server there (trust auth for user postgres), or point TEST_PG_URL at one.`,
    };
  }
  // Same start as .ci/run: --skip-systemctl-redirect because containers and CI machines run no systemd.
  const start = ['pg_ctlcluster', '--skip-systemctl-redirect', cluster.version, cluster.name, 'start'];
  if (cluster.status !== 'down') {
    return {
      action: 'warn',
      code: 'postgres_not_accepting',
      message: `${need} Its cluster ${cluster.version}/${cluster.name} reports "${cluster.status}": see its log (pg_lsclusters).`,
    };
  }
  if (!root) {
    return {
      action: 'warn',
      code: 'postgres_needs_root',
      message: `${need} Its cluster ${cluster.version}/${cluster.name} is stopped; start it, then run npm test again:\n  sudo ${start.join(' ')}`,
    };
  }
  return { action: 'start', commands: [start], cluster: `${cluster.version}/${cluster.name}` };
}
