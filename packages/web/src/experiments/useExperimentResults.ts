// Owns reading one experiment's results; without a mode the server picks (sequential while running, fixed after).
import { useQuery } from '@tanstack/react-query';
import type { ResultMode } from '../api/types';
import { experimentsApi } from './experimentsApi';

export function useExperimentResults(id: string, mode: ResultMode | null) {
  return useQuery({
    queryKey: ['experiments', id, 'results', mode],
    queryFn: ({ signal }) => experimentsApi.results(id, mode, signal),
  });
}
