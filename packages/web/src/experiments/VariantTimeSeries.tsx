// Owns the per-variant time series of the primary metric: one analytics query per variant (its filter), over
// the experiment's window, drawn as one line per variant.

import { variantFilter } from '@llm-analytics/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { runQuery } from '../api/api';
import type { AnalyticsQuery, Experiment } from '../api/types';
import { baseOption, tooltipFormatter, valueAxis } from '../renderers/baseOption';
import { EChart } from '../renderers/EChart';
import { PALETTE } from '../renderers/palette';
import { toNumber } from '../ui/format';
import { Notice } from '../ui/Notice';
import { metricInfo } from './metricInfo';

/** The experiment's window as the results read it ([start, end ?? now)); all time when it has no start. */
function seriesQuery(e: Experiment, filter: AnalyticsQuery['filters'], now: string): AnalyticsQuery {
  const from = e.start ?? null;
  const to = e.end ?? now;
  return {
    metrics: [e.primary_metric],
    dimensions: ['time'],
    granularity: 'auto',
    date_range: from && to ? { from, to } : 'all',
    ...(filter ? { filters: filter } : {}),
  };
}

export function VariantTimeSeries({ experiment: e }: { experiment: Experiment }) {
  const m = metricInfo(e.primary_metric);
  // One "now" per visit: a fresh one per render would be a new query key, and a new request, every time.
  const [now] = useState(() => new Date().toISOString());
  const queries = useQueries({
    queries: e.variants.map((v) => {
      const q = seriesQuery(e, variantFilter(v), now);
      return {
        queryKey: ['analytics', q],
        queryFn: ({ signal }: { signal: AbortSignal }) => runQuery(q, signal),
      };
    }),
  });
  const pending = queries.some((q) => q.isPending);
  const failed = queries.find((q) => q.isError);
  const option = useMemo(
    () => ({
      ...baseOption(true),
      tooltip: { ...baseOption(false).tooltip, valueFormatter: tooltipFormatter(m.unit) },
      xAxis: { type: 'time' },
      yAxis: valueAxis(m.unit),
      series: e.variants.map((v, i) => ({
        name: v.name,
        type: 'line',
        color: PALETTE[i % PALETTE.length],
        showSymbol: (queries[i].data?.rows.length ?? 0) < 40,
        connectNulls: false,
        data: (queries[i].data?.rows ?? []).map((r) => [r.time, toNumber(r[e.primary_metric])]),
      })),
    }),
    [e, m.unit, queries],
  );
  const points = queries.reduce((n, q) => n + (q.data?.rows.length ?? 0), 0);
  return (
    <section className="panel panel-body-pad" aria-labelledby="series-heading" data-testid="variant-series">
      <h2 id="series-heading">{m.label} over time, by variant</h2>
      {pending ? (
        <div className="skeleton chart-skeleton" role="progressbar" aria-label="Loading the time series" />
      ) : failed?.error ? (
        <Notice kind="error" title="Could not load the time series">
          {failed.error.message}
        </Notice>
      ) : points === 0 ? (
        <Notice kind="empty" title="No data in the experiment's window" />
      ) : (
        <EChart option={option} label={`${m.label} over time for ${e.variants.length} variants`} />
      )}
    </section>
  );
}
