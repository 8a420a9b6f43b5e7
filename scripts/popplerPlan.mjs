// Owns the decision of where the PDF tests' poppler-utils (pdfinfo, pdftoppm, pdftotext) come from: use what is
// on PATH, install Debian's package, or let the tests skip with a reason. Pure (facts in, action out).

const APT_COMMANDS = [
  ['apt-get', 'update'],
  ['apt-get', 'install', '-y', 'poppler-utils'],
];
const shell = (commands, prefix = '') => commands.map((c) => prefix + c.join(' ')).join(' && ');

/** Types and the facts' meaning: popplerPlan.d.mts. */
export function popplerPlan({ onPath, root, apt, debian }) {
  if (onPath) return { action: 'use' };
  if (apt && debian && root) return { action: 'install', commands: APT_COMMANDS };
  // Not fatal: the PDF is still written and parsed; only the checks that need poppler skip, saying this.
  return {
    action: 'skip',
    message:
      apt && debian
        ? `poppler-utils (pdfinfo, pdftoppm) not installed; the PDF render checks will skip. Install it with:\n  ${shell(APT_COMMANDS, 'sudo ')}`
        : 'poppler-utils (pdfinfo, pdftoppm) not on PATH; the PDF render checks will skip. Install poppler for your OS to run them.',
  };
}
