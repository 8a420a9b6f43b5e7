// Owns the browser entry: query client defaults, styles and mounting the app.
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiError } from './api/api';
import './styles/base.css';
import './styles/layout.css';
import './styles/widgets.css';
import './styles/viewer.css';
import './styles/experiments.css';
import './styles/cohorts.css';
import './styles/exports.css';
import './styles/alerts.css';

const client: QueryClient = new QueryClient({
  // A 401 anywhere means the session ended (expired, signed out elsewhere): re-check it, which shows sign-in.
  queryCache: new QueryCache({
    onError: (err, query) => {
      if (err instanceof ApiError && err.status === 401 && query.queryKey[0] !== 'session') {
        void client.invalidateQueries({ queryKey: ['session'] });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // One quick retry for transient server failures; never for 4xx, which will not change on retry.
      retry: (count, err) => count < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      retryDelay: 300,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
