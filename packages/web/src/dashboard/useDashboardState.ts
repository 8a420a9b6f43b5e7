// Owns the persisted dashboard state of one user in one workspace.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type DashboardState, defaultState } from '../state/DashboardState';
import { clearState, loadState, saveState, storageKey } from '../state/persistence';

export function useDashboardState(userId: string, workspaceId: string) {
  const key = useMemo(() => storageKey(userId, workspaceId), [userId, workspaceId]);
  const [state, setState] = useState<DashboardState>(() => loadState(key));
  useEffect(() => saveState(key, state), [key, state]);
  const update = useCallback((patch: Partial<DashboardState>) => setState((s) => ({ ...s, ...patch })), []);
  const toggleCollapsed = useCallback(
    (id: string) => setState((s) => ({ ...s, collapsed: { ...s.collapsed, [id]: !s.collapsed[id] } })),
    [],
  );
  const reset = useCallback(() => {
    clearState(key);
    setState(defaultState());
  }, [key]);
  return { state, update, toggleCollapsed, reset };
}
