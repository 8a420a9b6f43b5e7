// Owns the collapsible workspace administration panel (admins and owners): API keys and members.
import { useDashboard } from '../dashboard/DashboardContext';
import { Collapsible } from '../ui/Collapsible';
import { ApiKeys } from './ApiKeys';
import { Members } from './Members';

export function AdminPanel({ workspaceId }: { workspaceId: string }) {
  const { state, toggleCollapsed } = useDashboard();
  return (
    <Collapsible
      id="admin"
      title="Workspace administration"
      subtitle="API keys and members"
      collapsed={state.collapsed.admin !== false}
      onToggle={() => toggleCollapsed('admin')}
      testId="admin-panel"
    >
      <div className="settings">
        <ApiKeys />
        <Members workspaceId={workspaceId} />
      </div>
    </Collapsible>
  );
}
