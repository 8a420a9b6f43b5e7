// Owns the workspace's export history; refreshed while one of them is still running.
import { useQuery } from '@tanstack/react-query';
import { listExports } from './exportsApi';

export const EXPORTS_KEY = ['exports'] as const;

export function useExportHistory() {
  return useQuery({
    queryKey: EXPORTS_KEY,
    queryFn: listExports,
    staleTime: 0,
    refetchInterval: (q) =>
      q.state.data?.exports.some((e) => e.status === 'queued' || e.status === 'running') ? 1500 : false,
  });
}
