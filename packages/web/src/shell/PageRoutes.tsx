// Owns the client routes: which page a path shows. Every path here also loads the app on a reload (the server
// answers index.html for any non-API path). The viewer's pages are code-split: the dashboard does not wait.
import type { ReactNode } from 'react';
import type { WorkspaceRef } from '../api/types';
import { Dashboard } from '../dashboard/Dashboard';
import { Link } from '../router/Link';
import { matchRoute } from '../router/matchRoute';
import { useLocation } from '../router/useLocation';
import { lazyComponent } from '../ui/lazyComponent';
import { Notice } from '../ui/Notice';

const loading = () => <main className="page" role="progressbar" aria-label="Loading page" />;
const TracesPage = lazyComponent(() => import('../traces/TracesPage').then((m) => m.TracesPage), loading);
const TracePage = lazyComponent(() => import('../trace/TracePage').then((m) => m.TracePage), loading);
const ExperimentsPage = lazyComponent(
  () => import('../experiments/ExperimentsPage').then((m) => m.ExperimentsPage),
  loading,
);
const ExperimentPage = lazyComponent(
  () => import('../experiments/ExperimentPage').then((m) => m.ExperimentPage),
  loading,
);
const CohortsPage = lazyComponent(() => import('../cohorts/CohortsPage').then((m) => m.CohortsPage), loading);
const AlertsPage = lazyComponent(() => import('../alerts/AlertsPage').then((m) => m.AlertsPage), loading);
const ConversationPage = lazyComponent(
  () => import('../conversation/ConversationPage').then((m) => m.ConversationPage),
  loading,
);

interface PageProps {
  userId: string;
  workspace: WorkspaceRef;
  params: Record<string, string>;
}

const ROUTES: { pattern: string; page: (p: PageProps) => ReactNode }[] = [
  { pattern: '/', page: (p) => <Dashboard userId={p.userId} workspace={p.workspace} /> },
  { pattern: '/traces', page: () => <TracesPage /> },
  { pattern: '/traces/:traceId', page: (p) => <TracePage traceId={p.params.traceId} /> },
  { pattern: '/conversations/:id', page: (p) => <ConversationPage id={p.params.id} /> },
  { pattern: '/experiments', page: (p) => <ExperimentsPage workspace={p.workspace} /> },
  {
    pattern: '/experiments/:id',
    page: (p) => <ExperimentPage id={p.params.id} workspace={p.workspace} />,
  },
  { pattern: '/cohorts', page: (p) => <CohortsPage workspace={p.workspace} /> },
  { pattern: '/alerts', page: (p) => <AlertsPage workspace={p.workspace} /> },
  // The seed's analytics pages go here when they are built: '/analytics/chat', '/analytics/sentiment'.
];

export function PageRoutes({ userId, workspace }: { userId: string; workspace: WorkspaceRef }) {
  const { path } = useLocation();
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const r of ROUTES) {
    const params = matchRoute(r.pattern, normalized);
    if (params) return r.page({ userId, workspace, params });
  }
  return (
    <main className="page" data-state="not-found">
      <Notice kind="empty" title="No such page">
        Nothing lives at <code>{path}</code>. <Link href="/">Go to the dashboard</Link>
      </Notice>
    </main>
  );
}
