// Owns reading the workspace's alert rules, shared by the Alerts page and the header's bell (one request).
import { useQuery } from '@tanstack/react-query';
import { alertsApi } from './alertsApi';

export const RULES_KEY = ['alerts', 'rules'] as const;

export function useAlertRules(refetchInterval: number | false = false) {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => alertsApi.list(signal),
    refetchInterval,
  });
}
