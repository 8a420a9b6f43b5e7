// Owns the signed-in frame: top bar (brand, page links, workspace switcher, alert bell, user, sign out) around the page.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AlertBell } from '../alerts/AlertBell';
import { api, configureApi } from '../api/api';
import type { Session } from '../api/types';
import { LiveProvider } from '../live';
import { Notice } from '../ui/Notice';
import { MainNav } from './MainNav';
import { PageRoutes } from './PageRoutes';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const wsKey = (userId: string) => `lla:workspace:${userId}`;

export function AppShell({ session }: { session: Session }) {
  const qc = useQueryClient();
  const [wsId, setWsId] = useState(() => {
    const saved = window.localStorage.getItem(wsKey(session.user.id));
    return session.workspaces.find((w) => w.id === saved)?.id ?? session.workspaces[0]?.id ?? null;
  });
  const workspace = session.workspaces.find((w) => w.id === wsId) ?? null;
  configureApi(workspace?.id ?? null, session.csrf_token);

  const switchTo = (id: string) => {
    window.localStorage.setItem(wsKey(session.user.id), id);
    configureApi(id, session.csrf_token);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    setWsId(id);
  };
  const logout = async () => {
    try {
      await api('POST', '/api/auth/logout', {});
    } finally {
      configureApi(null, null);
      qc.clear();
      await qc.resetQueries({ queryKey: ['session'] });
    }
  };

  // The live connection spans the top bar too: the bell updates on `alert` events.
  const shell = (
    <div className="shell">
      <header className="topbar">
        <span className="brand">LLM Analytics</span>
        <MainNav />
        {workspace ? (
          <WorkspaceSwitcher workspaces={session.workspaces} current={workspace.id} onChange={switchTo} />
        ) : null}
        <span className="spacer" />
        {workspace ? <AlertBell key={workspace.id} /> : null}
        <span className="user" title={session.user.email}>
          {session.user.name || session.user.email}
          {workspace ? <span className="role-badge">{workspace.role}</span> : null}
        </span>
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      </header>
      {workspace ? (
        <PageRoutes key={workspace.id} userId={session.user.id} workspace={workspace} />
      ) : (
        <main className="page">
          <Notice kind="info" title="You are not a member of any workspace yet">
            Ask an admin to invite you.
          </Notice>
        </main>
      )}
    </div>
  );
  return workspace ? (
    <LiveProvider key={workspace.id} workspaceId={workspace.id}>
      {shell}
    </LiveProvider>
  ) : (
    shell
  );
}
