// Owns reading one experiment's results; without a mode the server picks (sequential while running, fixed after).
// Switching mode keeps the other mode's results on screen until the new ones arrive (never another experiment's).
import { useQuery } from '@tanstack/react-query';
import type { ResultMode } from '../api/types';
import { experimentsApi } from './experimentsApi';

export function useExperimentResults(id: string, mode: ResultMode | null) {
  return useQuery({
    queryKey: ['experiments', id, 'results', mode],
    queryFn: ({ signal }) => experimentsApi.results(id, mode, signal),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === id ? previous : undefined),
  });
}
