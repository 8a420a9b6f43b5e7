// Owns making PostgreSQL reachable before the tests that use it: gathers the machine's facts, acts on postgresPlan.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { DEFAULT_PG_URL, postgresPlan } from './postgresPlan.mjs';

function reachable(url, timeoutMs = 1000) {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const s = connect({
      host: hostname.replace(/^\[|\]$/g, ''),
      port: Number(port || 5432),
      timeout: timeoutMs,
    });
    const end = (ok) => {
      s.destroy();
      done(ok);
    };
    s.once('connect', () => end(true));
    s.once('timeout', () => end(false));
    s.once('error', () => end(false));
  });
}

function clusters() {
  const r = spawnSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [version, name, port, status] = line.split(/\s+/);
      return { version, name, port: Number(port), status };
    });
}

/**
 * Starts a stopped local cluster when that is possible; otherwise returns the warning to show (the tests that
 * need PostgreSQL then fail on their own, and runs of the others stay possible).
 * @returns {Promise<string | null>} a warning, or null when PostgreSQL is up
 */
export async function ensurePostgres() {
  const url = process.env.TEST_PG_URL || DEFAULT_PG_URL;
  const plan = postgresPlan({
    url,
    reachable: await reachable(url),
    root: process.getuid?.() === 0,
    clusters: clusters(),
  });
  if (plan.action === 'use') return null;
  if (plan.action === 'warn') return plan.message;
  console.log(`PostgreSQL is not reachable at ${url}; starting the stopped local cluster ${plan.cluster}:`);
  for (const [cmd, ...args] of plan.commands) {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0)
      return `\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.signal}): see above`;
  }
  for (let i = 0; i < 30; i++) {
    if (await reachable(url)) return null;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return `started cluster ${plan.cluster} but ${url} is still not reachable after 30 s: see pg_lsclusters and its log`;
}
