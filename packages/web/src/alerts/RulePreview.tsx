// Owns the rule form's live preview: the metric over the last 30 days (through the query API, in the rule's
// filters and slice) against the threshold, so a threshold can be set where it would have fired.
import { type AnalyticsQuery, metricDisplay } from '@llm-analytics/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { runQuery } from '../api/api';
import { baseOption, tooltipFormatter, valueAxis } from '../renderers/baseOption';
import { EChart } from '../renderers/EChart';
import { PALETTE } from '../renderers/palette';
import { toNumber } from '../ui/format';
import { Notice } from '../ui/Notice';
import { previewQuery } from './previewQuery';
import { type RuleDraft, ruleDraft } from './ruleDraft';

const MAX_SLICES = 8;

export function RulePreview({ draft: d }: { draft: RuleDraft }) {
  const f = ruleDraft.filterOf(d);
  const q = d.metric && !('problem' in f) ? previewQuery(d, f.filter) : null;
  const res = useQuery({
    queryKey: ['analytics', q],
    queryFn: ({ signal }) => runQuery(q as AnalyticsQuery, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
  const { label, unit } = metricDisplay(d.metric);
  const threshold = d.type === 'threshold' && d.threshold.trim() !== '' ? Number(d.threshold) : null;
  const option = useMemo(() => {
    const rows = res.data?.rows ?? [];
    const dim = q?.dimensions?.[1] ?? null;
    const groups = new Map<string, [unknown, number | null][]>();
    for (const r of rows) {
      // Messages without a model (users' own) are no slice a rule can watch.
      if (dim && (r[dim] === null || r[dim] === '')) continue;
      const name = dim ? String(r[dim]) : label;
      groups.set(name, [...(groups.get(name) ?? []), [r.time, toNumber(r[d.metric])]]);
    }
    const series = [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, MAX_SLICES)
      .map(([name, data], i) => ({
        name,
        type: 'line',
        color: PALETTE[i % PALETTE.length],
        showSymbol: false,
        data,
      }));
    const times = rows.map((r) => Date.parse(String(r.time))).filter(Number.isFinite);
    if (threshold !== null && Number.isFinite(threshold) && times.length > 0) {
      series.push({
        name: 'threshold',
        type: 'line',
        color: '#b34700',
        showSymbol: false,
        data: [
          [new Date(Math.min(...times)).toISOString(), threshold],
          [new Date(Math.max(...times)).toISOString(), threshold],
        ],
        lineStyle: { type: 'dashed' },
      } as (typeof series)[number]);
    }
    return {
      ...baseOption(true),
      tooltip: { ...baseOption(false).tooltip, valueFormatter: tooltipFormatter(unit) },
      xAxis: { type: 'time' },
      yAxis: valueAxis(unit, { scale: true }),
      series,
    };
  }, [res.data, q, label, unit, d.metric, threshold]);
  if (!q) return null;
  return (
    <section className="rule-preview" data-testid="rule-preview" aria-label="Preview over the last 30 days">
      <h3>
        {label}, last 30 days ({q.granularity === 'hour' ? 'hourly' : 'daily'})
      </h3>
      {res.isError ? (
        <Notice kind="error" title="Could not load the preview">
          {res.error.message}
        </Notice>
      ) : !res.data ? (
        <div className="skeleton chart-skeleton" role="progressbar" aria-label="Loading the preview" />
      ) : res.data.rows.length === 0 ? (
        <Notice kind="empty" title="No data in the last 30 days for this metric and slice" />
      ) : (
        <EChart option={option} height={200} label={`${label} over the last 30 days against the threshold`} />
      )}
    </section>
  );
}
