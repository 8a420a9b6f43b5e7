// Owns the dashboard page: state provider, header, KPIs, filter and settings panels, the six sections.
import { useEffect, useMemo } from 'react';
import { AdminPanel } from '../admin/AdminPanel';
import type { WorkspaceRef } from '../api/types';
import { FiltersPanel } from '../filters/FiltersPanel';
import { KpiCards } from '../kpi/KpiCards';
import { useLiveStatus } from '../live';
import { preloadSections } from '../sections/preloadSections';
import { Section } from '../sections/Section';
import { SettingsPanel } from '../settings/SettingsPanel';
import { canEditSettings } from '../settings/settingsAccess';
import { queryContext } from '../state/queryContext';
import { SECTIONS } from '../widgets/sections';
import { DashboardContext, type DashboardValue } from './DashboardContext';
import { HeaderBar } from './HeaderBar';
import { useDashboardState } from './useDashboardState';
import { useLiveRefresh } from './useLiveRefresh';

/** While the live stream is down, the dashboard re-reads this often (unless auto-refresh is set). */
const POLL_MS = 60_000;

export function Dashboard({ userId, workspace }: { userId: string; workspace: WorkspaceRef }) {
  const { state, update, toggleCollapsed, reset } = useDashboardState(userId, workspace.id);
  useLiveRefresh();
  const polling = useLiveStatus() === 'polling';
  const value = useMemo<DashboardValue>(
    () => ({
      state,
      update,
      toggleCollapsed,
      reset,
      ctx: queryContext(state),
      role: workspace.role,
      refetchInterval: state.autoRefresh ? state.refreshSeconds * 1000 : polling ? POLL_MS : false,
    }),
    [state, update, toggleCollapsed, reset, workspace.role, polling],
  );
  // Start the chunk downloads now: they then arrive alongside the first query replies, not after them.
  useEffect(preloadSections, []);
  const editor = canEditSettings(workspace.role);
  return (
    <DashboardContext.Provider value={value}>
      <main className="page" id="dashboard">
        <HeaderBar />
        <KpiCards />
        <FiltersPanel />
        {editor ? <SettingsPanel /> : null}
        {editor ? <AdminPanel workspaceId={workspace.id} /> : null}
        {SECTIONS.map((s) => (
          <Section key={s.id} section={s} />
        ))}
      </main>
    </DashboardContext.Provider>
  );
}
