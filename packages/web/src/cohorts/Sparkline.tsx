// Owns a tiny inline trend line (weekly active users of a cohort), with its values as the accessible label.
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  if (values.length < 2) return <span className="muted">—</span>;
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${(i / (values.length - 1)) * 80},${20 - (v / max) * 18}`).join(' ');
  return (
    <svg width="80" height="22" viewBox="0 0 80 22" role="img" aria-label={`${label}: ${values.join(', ')}`}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
