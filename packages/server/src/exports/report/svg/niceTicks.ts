// Owns choosing axis ticks: round steps (1, 2, 5 × 10ⁿ) covering a value range, zero included.

/** About `count` round ticks from ≤ min to ≥ max; min/max are widened to include 0. A flat range gets [0, 1]-like ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const out: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 style drift does not show in labels.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = lo; v <= hi + step / 2; v += step) out.push(Number(v.toFixed(digits)));
  return out;
}
