// Owns the text progress bar the CLI redraws on stderr during `import` and `demo` (`\r` + this string).
/** `[██████░░░░░░]  50%` — width is the number of cells between the brackets. */
export function renderProgressBar(done: number, total: number, width = 30): string {
  const cells = Math.max(1, Math.floor(width));
  // An empty file or an unknown total counts as finished rather than dividing by zero.
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * cells);
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'█'.repeat(filled)}${'░'.repeat(cells - filled)}] ${pct}`;
}
