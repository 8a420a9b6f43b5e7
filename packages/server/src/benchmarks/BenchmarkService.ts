// Owns the benchmark analysis of a workspace: resolves the seed's window parameters, reads the results, the
// benchmarks and the model registry, and hands them to the pure analysis in core.
import {
  analyzeBenchmarks,
  type BenchmarkAnalysisParams,
  type BenchmarkAnalysisReply,
  resolveWindow,
  type TimeWindow,
} from '@llm-analytics/core';
import { listRegisteredModels } from '../analytics/queries/listRegisteredModels.ts';
import { resolveSeedRange } from '../analytics/seed/seedParams.ts';
import type { Store } from '../store/Store.ts';
import { listBenchmarkResults } from './queries/listBenchmarkResults.ts';
import { listBenchmarks } from './queries/listBenchmarks.ts';

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
    const [benchmarks, results, models] = await Promise.all([
      listBenchmarks(this.store, workspaceId),
      listBenchmarkResults(this.store, this.store.dialect, workspaceId, window),
      listRegisteredModels(this.store, workspaceId),
    ]);
    const span = window ? { from: window.from.toISOString(), to: window.to.toISOString() } : null;
    return { data: analyzeBenchmarks({ benchmarks, results, models, window: span }) };
  }
}
