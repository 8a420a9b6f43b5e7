// Owns fetching one AnalyticsQuery through TanStack Query, keeping the previous data on screen while loading.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { batchedQuery } from '../api/queryBatcher';
import type { AnalyticsQuery } from '../api/types';
import { useDashboard } from '../dashboard/DashboardContext';

export function useAnalytics(query: AnalyticsQuery | null) {
  const { refetchInterval } = useDashboard();
  return useQuery({
    queryKey: ['analytics', query],
    queryFn: () => batchedQuery(query!),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    refetchInterval,
  });
}
