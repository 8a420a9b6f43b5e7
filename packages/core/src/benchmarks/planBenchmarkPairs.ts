// Owns which runs the benchmark analysis compares item by item: each model's latest run against its previous
// one, and each fine-tune's latest run against its base model's latest run (base from the model registry).
import type { ModelInfo, RunPair, RunTally } from './BenchmarkInput.ts';

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Runs of each benchmark × model, oldest first (by first result, then run id): benchmark → model → runs. */
export function orderRuns(runs: readonly RunTally[]): Map<string, Map<string, RunTally[]>> {
  const tree = new Map<string, Map<string, RunTally[]>>();
  const sorted = [...runs].sort(
    (x, y) =>
      text(x.benchmark_id, y.benchmark_id) ||
      text(x.model_id, y.model_id) ||
      x.start_ms - y.start_ms ||
      text(x.run_id, y.run_id),
  );
  for (const r of sorted) {
    const models = tree.get(r.benchmark_id) ?? new Map<string, RunTally[]>();
    tree.set(r.benchmark_id, models);
    models.set(r.model_id, [...(models.get(r.model_id) ?? []), r]);
  }
  return tree;
}

/** The pairs, by benchmark: previous-run pairs by model, then fine-tune pairs by model. */
export function planBenchmarkPairs(runs: readonly RunTally[], models: readonly ModelInfo[]): RunPair[] {
  const base = new Map(models.map((m) => [m.model_id, m.base_model]));
  const pairs: RunPair[] = [];
  for (const [benchmark_id, perModel] of orderRuns(runs)) {
    const latest = (model: string) => perModel.get(model)?.at(-1);
    for (const [model_id, list] of perModel) {
      if (list.length < 2) continue;
      const [prev, last] = list.slice(-2);
      pairs.push({
        benchmark_id,
        kind: 'previous_run',
        run: { model_id, run_id: last.run_id },
        against: { model_id, run_id: prev.run_id },
      });
    }
    for (const [model_id, list] of perModel) {
      const baseId = base.get(model_id);
      const baseRun = baseId && baseId !== model_id ? latest(baseId) : undefined;
      if (!baseId || !baseRun) continue;
      pairs.push({
        benchmark_id,
        kind: 'base_model',
        run: { model_id, run_id: list[list.length - 1].run_id },
        against: { model_id: baseId, run_id: baseRun.run_id },
      });
    }
  }
  return pairs;
}
