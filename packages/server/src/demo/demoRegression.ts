// Owns the one quality regression injected into the demo data, so the anomaly and alert features have a
// known incident to find. Tests and docs read this constant instead of repeating the numbers.
const DAY_MS = 86_400_000;

/**
 * The injected incident: a bad checkpoint of the DPO fine-tune was deployed about three weeks before `now`
 * and rolled back five days later. Inside the window the model's evaluated success rate falls from ~80 % to
 * ~30 %, ratings drop by about two stars, failures are tagged mostly `hallucination` / `incorrect_format`,
 * and users' follow-up messages turn negative. Nothing else about the model (traffic, latency) changes,
 * so only quality metrics reveal it.
 */
export const DEMO_REGRESSION = {
  model_id: 'llama-3-8b-support-dpo',
  /** Window start and end, in days before the demo's `now` (start inclusive, end exclusive). */
  startDaysAgo: 24,
  endDaysAgo: 19,
  /** Pass probability of an evaluated answer inside the window (outside it comes from the model profile). */
  successRate: 0.3,
  description:
    'Quality regression: llama-3-8b-support-dpo (runpod DPO fine-tune of llama-3-8b-base) — success rate drops ' +
    'from ~80% to ~30% and ratings by ~2 stars for 5 days, from 24 to 19 days before the demo was generated ' +
    '(a bad checkpoint, then rolled back); failures mostly tagged hallucination / incorrect_format.',
} as const;

/** The regression window as absolute epoch milliseconds for a given demo `now`. */
export function regressionWindow(now: Date): { startMs: number; endMs: number } {
  return {
    startMs: now.getTime() - DEMO_REGRESSION.startDaysAgo * DAY_MS,
    endMs: now.getTime() - DEMO_REGRESSION.endDaysAgo * DAY_MS,
  };
}
