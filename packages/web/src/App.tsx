// Owns top-level routing by session state: setup, login, or the dashboard shell.
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './api/api';
import type { Session, SetupStatus } from './api/types';
import { LoginPage } from './auth/LoginPage';
import { SetupPage } from './auth/SetupPage';
import { AppShell } from './shell/AppShell';
import { Notice } from './ui/Notice';

export function App() {
  const session = useQuery({
    queryKey: ['session'],
    queryFn: () => api<Session>('GET', '/api/auth/session'),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const unauthenticated = session.error instanceof ApiError && session.error.status === 401;
  const setup = useQuery({
    queryKey: ['auth-setup'],
    queryFn: () => api<SetupStatus>('GET', '/api/auth/setup'),
    enabled: unauthenticated,
    retry: false,
  });

  if (session.data && !unauthenticated) return <AppShell session={session.data} />;
  if (session.isPending || (unauthenticated && setup.isPending)) {
    return <div className="splash" role="progressbar" aria-label="Loading" />;
  }
  if (unauthenticated && setup.data) return setup.data.needed ? <SetupPage /> : <LoginPage />;
  const err = (session.error ?? setup.error) as Error | null;
  return (
    <main className="auth-page">
      <Notice kind="error" title="The dashboard cannot reach the server">
        {err?.message ?? 'unknown error'}
      </Notice>
    </main>
  );
}
