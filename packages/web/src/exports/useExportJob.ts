// Owns following one export: polls it while it is queued or running, stops when it is done or failed.
import { useQuery } from '@tanstack/react-query';
import { getExport } from './exportsApi';

const POLL_MS = 700;
export const isActive = (status: string | undefined) => status === 'queued' || status === 'running';

/** `follow`: false for an export that was done in its POST (nothing to poll). */
export function useExportJob(id: string, follow: boolean) {
  return useQuery({
    queryKey: ['export', id],
    queryFn: () => getExport(id),
    enabled: follow,
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.status) ? false : POLL_MS),
    staleTime: 0,
  });
}
