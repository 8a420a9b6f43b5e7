// Owns following one export: polls it while it is queued or running, stops when it is done or failed.
import { useQuery } from '@tanstack/react-query';
import { getExport } from './exportsApi';

const POLL_MS = 700;
const isActive = (status: string | undefined) => status === 'queued' || status === 'running';

export function useExportJob(id: string | null) {
  return useQuery({
    queryKey: ['export', id],
    queryFn: () => getExport(id!),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.status) ? false : POLL_MS),
    staleTime: 0,
  });
}
