// Owns each cohort's trend: its active users per week over the last 90 days, one query grouped by cohort and
// week (the members as last computed).
import { useQuery } from '@tanstack/react-query';
import { runQuery } from '../api/api';

export function useCohortTrends(): Map<string, number[]> {
  const res = useQuery({
    queryKey: ['analytics', 'cohorts', 'trend'],
    queryFn: ({ signal }) =>
      runQuery(
        { metrics: ['users'], dimensions: ['cohort', 'time'], granularity: 'week', date_range: '90d' },
        signal,
      ),
  });
  const weeks = [...new Set((res.data?.rows ?? []).map((r) => String(r.time)))].sort();
  const out = new Map<string, number[]>();
  for (const r of res.data?.rows ?? []) {
    if (typeof r.cohort !== 'string') continue;
    const series = out.get(r.cohort) ?? weeks.map(() => 0);
    series[weeks.indexOf(String(r.time))] = Number(r.users ?? 0);
    out.set(r.cohort, series);
  }
  return out;
}
