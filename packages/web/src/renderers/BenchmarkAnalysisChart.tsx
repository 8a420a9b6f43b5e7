// Owns the benchmark analysis widget (the seed's BenchmarkAnalysisChart): per benchmark, accuracy per model with
// 95% intervals, its runs over time, each fine-tune against its base, and the items a model newly fails.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { ChartProps } from '../charts/ChartProps';
import { ChartSkeleton } from '../charts/ChartSkeleton';
import { useDashboard } from '../dashboard/DashboardContext';
import { formatValue } from '../ui/format';
import { Notice } from '../ui/Notice';
import { FineTuneTable, RegressionsTable } from './BenchmarkTables';
import { accuracyOption, runsOption } from './benchmarkOptions';
import { fetchBenchmarkAnalysis } from './benchmarksApi';
import { EChart } from './EChart';

export function BenchmarkAnalysisChart({ entry }: ChartProps) {
  const { refetchInterval, ctx } = useDashboard();
  const [picked, setPicked] = useState<string | null>(null);
  const res = useQuery({
    queryKey: ['analytics', 'benchmark-analysis', ctx.dateRange],
    queryFn: ({ signal }) => fetchBenchmarkAnalysis(ctx, signal),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const data = res.data;
  const id =
    picked && data?.benchmarks.some((b) => b.id === picked) ? picked : (data?.benchmarks[0]?.id ?? null);
  const benchmark = data?.benchmarks.find((b) => b.id === id);
  const runs = useMemo(() => data?.runs.filter((r) => r.benchmark_id === id) ?? [], [data, id]);
  const accuracy = useMemo(() => (benchmark ? accuracyOption(benchmark) : null), [benchmark]);
  const overTime = useMemo(() => runsOption(runs), [runs]);
  if (res.error && !data) {
    return (
      <div data-state="error">
        <Notice kind="error" title="Could not load the benchmark analysis">
          {res.error.message}{' '}
          <button type="button" className="link" onClick={() => void res.refetch()}>
            Retry
          </button>
        </Notice>
      </div>
    );
  }
  if (!data) return <ChartSkeleton />;
  if (!benchmark || !accuracy) {
    return (
      <div data-state="empty">
        <Notice kind="empty" title="Nothing to show">
          {`${entry.empty} in ${ctx.rangeLabel}. Send benchmarks and benchmark_results to POST /api/ingest.`}
        </Notice>
      </div>
    );
  }
  const regressions = data.regressions.filter((r) => r.benchmark_id === id);
  return (
    <div
      data-state="ready"
      className={res.isPlaceholderData ? 'stale' : undefined}
      data-testid="benchmark-chart"
    >
      <div className="toolbar">
        <label>
          Benchmark{' '}
          <select value={id ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="benchmark-select">
            {data.benchmarks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name ?? b.id}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span data-testid="benchmark-summary">
          {data.benchmarksAnalyzed} benchmarks · {data.totalJudgments} judgments · overall accuracy{' '}
          {formatValue(data.overallAccuracy, 'percent')}
        </span>
      </div>
      {benchmark.description ? <p className="muted">{benchmark.description}</p> : null}
      <div className="split">
        <EChart
          option={accuracy}
          label={`${benchmark.name ?? benchmark.id}: accuracy per model with 95% intervals`}
        />
        <EChart
          option={overTime}
          label={`${benchmark.name ?? benchmark.id}: accuracy of each run over time`}
        />
      </div>
      <FineTuneTable rows={data.fine_tunes.filter((f) => f.benchmark_id === id)} />
      <RegressionsTable rows={regressions} total={regressions.length} />
    </div>
  );
}
