// Owns the browser tab's title for a page: "<page> · LLM Analytics" while it is shown.
import { useEffect } from 'react';

const APP = 'LLM Analytics';

export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} · ${APP}` : APP;
    return () => {
      document.title = APP;
    };
  }, [page]);
}
