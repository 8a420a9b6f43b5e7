// Owns the React context that hands every widget the dashboard state and its query context.
import { createContext, useContext } from 'react';
import type { Role } from '../api/types';
import type { DashboardState } from '../state/DashboardState';
import type { QueryContext } from '../state/queryContext';

export interface DashboardValue {
  state: DashboardState;
  update(patch: Partial<DashboardState>): void;
  toggleCollapsed(id: string): void;
  reset(): void;
  ctx: QueryContext;
  role: Role;
  refetchInterval: number | false;
}

export const DashboardContext = createContext<DashboardValue | null>(null);

export function useDashboard(): DashboardValue {
  const v = useContext(DashboardContext);
  if (!v) throw new Error('useDashboard outside <Dashboard>');
  return v;
}
