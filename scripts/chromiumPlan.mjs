// Owns the decision of where the browser tests' Chromium comes from: use a path, install Debian's package, or stop.
// Pure (facts in, action out) so a table-driven test covers every machine without having to be each machine.

/** Where the browser tests look when CHROMIUM_PATH is unset (Debian's `chromium` package puts it here). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const APT_COMMANDS = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', 'chromium'],
];
const shell = (commands, prefix = '') => commands.map((c) => prefix + c.join(' ')).join(' && ');

/** Types and the facts' meaning: chromiumPlan.d.mts. */
export function chromiumPlan({ envPath, exists, root, apt, debian }) {
  if (envPath) {
    if (exists(envPath)) return { action: 'use', path: envPath };
    // An explicit choice is never overridden by an install elsewhere: the user would test a browser they did not pick.
    return {
      action: 'stop',
      code: 'chromium_path_missing',
      message: `CHROMIUM_PATH=${envPath} does not exist: point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}`,
    };
  }
  if (exists(DEFAULT_CHROMIUM)) return { action: 'use', path: DEFAULT_CHROMIUM };
  if (apt && debian && root) return { action: 'install', path: DEFAULT_CHROMIUM, commands: APT_COMMANDS };
  if (apt && debian) {
    return {
      action: 'stop',
      code: 'chromium_needs_root',
      message: `Chromium not found at ${DEFAULT_CHROMIUM}; the browser tests need it. Install it, then run npm test again:\n  ${shell(APT_COMMANDS, 'sudo ')}`,
    };
  }
  return {
    action: 'stop',
    code: 'chromium_unsupported_os',
    message: `Chromium not found at ${DEFAULT_CHROMIUM}; the browser tests need it. npm test installs it only on Debian (as root); here, install Chromium yourself and run:\n  CHROMIUM_PATH=/path/to/chromium npm test`,
  };
}
