// Owns the collapsible settings panel (admins and owners only): loads /api/settings and saves changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api';
import type { Settings } from '../api/types';
import { useDashboard } from '../dashboard/DashboardContext';
import { Collapsible } from '../ui/Collapsible';
import { Notice } from '../ui/Notice';
import { SettingsForm } from './SettingsForm';
import { SETTINGS_ANCHOR } from './settingsAccess';

export function SettingsPanel() {
  const { state, toggleCollapsed } = useDashboard();
  const qc = useQueryClient();
  const open = state.collapsed[SETTINGS_ANCHOR] !== true;
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: () => api<Settings>('GET', '/api/settings'),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (next: Settings) => api<Settings>('PUT', '/api/settings', next),
    onSuccess: async (saved) => {
      qc.setQueryData(['settings'], saved);
      // Cost and SLA are computed at query time: refetching re-prices every chart on the page.
      await qc.invalidateQueries({ queryKey: ['analytics'] });
    },
  });
  return (
    <Collapsible
      id="settings"
      title="Settings"
      subtitle="Price book and SLA threshold"
      collapsed={!open}
      onToggle={() => toggleCollapsed(SETTINGS_ANCHOR)}
      testId="settings-panel"
      anchor={SETTINGS_ANCHOR}
    >
      {settings.isError ? (
        <Notice kind="error" title="Could not load settings">
          {settings.error.message}
        </Notice>
      ) : settings.data ? (
        <SettingsForm
          key={JSON.stringify(settings.data)}
          initial={settings.data}
          saving={save.isPending}
          error={save.error?.message ?? null}
          saved={save.isSuccess}
          onSave={(s) => save.mutate(s)}
        />
      ) : (
        <div className="skeleton chart-skeleton" role="progressbar" aria-label="Loading" />
      )}
    </Collapsible>
  );
}
