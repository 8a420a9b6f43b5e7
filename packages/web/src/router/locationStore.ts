// Owns the browser location as a store React can subscribe to: History API pushes and the back/forward buttons.

export interface RouteLocation {
  path: string;
  /** The query string without its '?'. */
  search: string;
  /** The fragment without its '#'. */
  hash: string;
}

const listeners = new Set<() => void>();
let snapshot: RouteLocation | null = null;

function read(): RouteLocation {
  const { pathname, search, hash } = window.location;
  // One object per location: useSyncExternalStore compares snapshots by identity.
  if (
    !snapshot ||
    snapshot.path !== pathname ||
    snapshot.search !== search.slice(1) ||
    snapshot.hash !== hash.slice(1)
  ) {
    snapshot = { path: pathname, search: search.slice(1), hash: hash.slice(1) };
  }
  return snapshot;
}

function notify(): void {
  for (const l of listeners) l();
}

export const locationStore = {
  subscribe(listener: () => void): () => void {
    if (listeners.size === 0) window.addEventListener('popstate', notify);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) window.removeEventListener('popstate', notify);
    };
  },
  snapshot: read,
  /** Goes to `to` (a path with optional query and fragment) without a page load; `replace` keeps history. */
  navigate(to: string, opts: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const target = url.pathname + url.search + url.hash;
    if (target === window.location.pathname + window.location.search + window.location.hash) return;
    if (opts.replace) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    // A new page starts at the top; a query-string change on the same page (filters) keeps the scroll.
    if (!opts.replace && url.pathname !== snapshot?.path) window.scrollTo(0, 0);
    notify();
  },
};
