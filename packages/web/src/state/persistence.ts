// Owns localStorage persistence of the dashboard state, one key per user and workspace.
import { type DashboardState, defaultState } from './DashboardState';

const PREFIX = 'lla:dashboard:v1';

export const storageKey = (userId: string, workspaceId: string): string =>
  `${PREFIX}:${userId}:${workspaceId}`;

export function loadState(key: string): DashboardState {
  const base = defaultState();
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return base;
    const saved = JSON.parse(raw) as Partial<DashboardState>;
    return {
      ...base,
      ...saved,
      filters: { ...base.filters, ...(saved.filters ?? {}) },
      collapsed: { ...base.collapsed, ...(saved.collapsed ?? {}) },
    };
  } catch {
    return base;
  }
}

export function saveState(key: string, state: DashboardState): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(state));
  } catch {
    // Storage full or disabled (private mode): the dashboard still works, it just forgets.
  }
}

export function clearState(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // ignore
  }
}
