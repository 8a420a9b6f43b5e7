// Owns making poppler-utils available before the PDF tests run: gathers the machine's facts, acts on popplerPlan.
// Never stops the run: without poppler the tests that need it skip with the reason printed here and by them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { popplerPlan } from './popplerPlan.mjs';

const onPath = (cmd) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));

function isDebian() {
  try {
    return /^ID=("?)debian\1$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

export function ensurePoppler() {
  const plan = popplerPlan({
    onPath: onPath('pdfinfo') && onPath('pdftoppm'),
    root: process.getuid?.() === 0,
    apt: onPath('apt-get'),
    debian: isDebian(),
  });
  if (plan.action === 'use') return;
  if (plan.action === 'skip') {
    console.error(`\nwarning: ${plan.message}\n`);
    return;
  }
  console.log("poppler-utils not found; the PDF tests use it, installing Debian's package:");
  for (const [cmd, ...args] of plan.commands) {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) {
      console.error(
        `\nwarning: \`${[cmd, ...args].join(' ')}\` failed (exit ${r.status ?? r.signal}); the PDF render checks will skip`,
      );
      return;
    }
  }
}
