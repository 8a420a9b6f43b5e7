// Owns reading GET /api/analytics/benchmark-analysis with the dashboard's window (a preset as `period`, a custom
// range as startDate/endDate).
import { api } from '../api/api';
import type { BenchmarkAnalysis, BenchmarkAnalysisReply } from '../api/types';
import type { QueryContext } from '../state/queryContext';

export async function fetchBenchmarkAnalysis(
  ctx: QueryContext,
  signal: AbortSignal,
): Promise<BenchmarkAnalysis> {
  const params: Record<string, string> =
    typeof ctx.dateRange === 'string'
      ? { period: ctx.dateRange }
      : { startDate: ctx.dateRange.from, endDate: ctx.dateRange.to };
  const qs = new URLSearchParams(params);
  const r = await api<BenchmarkAnalysisReply>(
    'GET',
    `/api/analytics/benchmark-analysis?${qs}`,
    undefined,
    signal,
  );
  return r.data;
}
