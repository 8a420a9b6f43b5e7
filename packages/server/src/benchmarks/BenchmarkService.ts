// Owns the benchmark analysis of a workspace: resolves the seed's window parameters, reads the aggregates (run
// tallies, items per model, the item-level pairs the plan asks for with the first regressions) and the model
// registry, and hands them to the pure analysis in core.
import {
  analyzeBenchmarks,
  type BenchmarkAnalysisParams,
  type BenchmarkAnalysisReply,
  planBenchmarkPairs,
  REGRESSIONS_LIMIT,
  resolveWindow,
  type TimeWindow,
} from '@llm-analytics/core';
import { listRegisteredModels } from '../analytics/queries/listRegisteredModels.ts';
import { resolveSeedRange } from '../analytics/seed/seedParams.ts';
import type { Store } from '../store/Store.ts';
import { countBenchmarkItems } from './queries/countBenchmarkItems.ts';
import { listBenchmarks } from './queries/listBenchmarks.ts';
import { readRunPairs } from './queries/readRunPairs.ts';
import { tallyBenchmarkRuns } from './queries/tallyBenchmarkRuns.ts';
import { resultScope } from './resultScope.ts';

export class BenchmarkService {
  constructor(
    private readonly store: Store,
    private readonly maxDays: number,
  ) {}

  /** `startDate`/`endDate` (either one) select a window, else `period` does; `all` reads every result. */
  async analysis(
    workspaceId: string,
    q: BenchmarkAnalysisParams,
    now = new Date(),
  ): Promise<BenchmarkAnalysisReply> {
    let window: TimeWindow | null;
    if (q.startDate !== undefined || q.endDate !== undefined)
      window = resolveSeedRange(q.startDate, q.endDate, {
        maxDays: this.maxDays,
        defaultDays: 30,
        now,
      }).window;
    else window = resolveWindow(q.period, now);
    const { store } = this;
    const scope = resultScope(store.dialect, workspaceId, window);
    const [benchmarks, runs, modelItems, models] = await Promise.all([
      listBenchmarks(store, workspaceId),
      tallyBenchmarkRuns(store, store.dialect, scope),
      countBenchmarkItems(store, store.dialect, scope),
      listRegisteredModels(store, workspaceId),
    ]);
    const pairs = planBenchmarkPairs(runs, models);
    const paired = await readRunPairs(store, store.dialect, scope, pairs, REGRESSIONS_LIMIT);
    const span = window ? { from: window.from.toISOString(), to: window.to.toISOString() } : null;
    return {
      data: analyzeBenchmarks({
        benchmarks,
        runs,
        modelItems,
        models,
        pairs,
        pairTallies: paired.tallies,
        regressions: paired.regressions,
        window: span,
      }),
    };
  }
}
