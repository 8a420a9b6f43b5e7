// Owns making Chromium available before the browser tests run: gathers the machine's facts, acts on chromiumPlan.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromiumPlan } from './chromiumPlan.mjs';

function onPath(cmd) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

function isDebian() {
  try {
    return /^ID=("?)debian\1$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** The Chromium path for the browser tests, installing Debian's package if possible; else exits saying how. */
export function ensureChromium() {
  const plan = chromiumPlan({
    envPath: process.env.CHROMIUM_PATH,
    exists: existsSync,
    root: process.getuid?.() === 0,
    apt: onPath('apt-get'),
    debian: isDebian(),
  });
  if (plan.action === 'use') return plan.path;
  if (plan.action === 'stop') {
    console.error(`\n${plan.message}\n`);
    process.exit(1);
  }
  console.log(`Chromium not found at ${plan.path}; the browser tests need it, installing Debian's package:`);
  for (const [cmd, ...args] of plan.commands) {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      console.error(`\n\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.signal}): see above`);
      process.exit(1);
    }
  }
  if (!existsSync(plan.path)) {
    console.error(
      `\nInstalled Debian's chromium but ${plan.path} is still missing: set CHROMIUM_PATH to its binary`,
    );
    process.exit(1);
  }
  return plan.path;
}
