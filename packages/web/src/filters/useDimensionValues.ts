// Owns loading the values a filter can choose from (e.g. every model), through the query API.
import { useQuery } from '@tanstack/react-query';
import { runQuery } from '../api/api';

export function useDimensionValues(dimension: string): string[] {
  const res = useQuery({
    queryKey: ['analytics', 'values', dimension],
    queryFn: ({ signal }) =>
      runQuery(
        {
          metrics: ['messages'],
          dimensions: [dimension],
          date_range: 'all',
          order_by: [['messages', 'desc']],
          limit: 200,
        },
        signal,
      ),
    staleTime: 5 * 60_000,
  });
  return (res.data?.rows ?? [])
    .map((r) => r[dimension])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}
