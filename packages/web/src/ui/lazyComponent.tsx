// Owns code-splitting without Suspense: React 19 holds a suspended boundary's reveal for ~300 ms, which a
// dashboard of many lazily loaded widgets pays on its critical path. This loads the chunk once, caches the
// component, and renders a fallback until it arrives; `preload()` starts the download early.
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';

export interface LazyComponent<P> {
  (props: P): ReactNode;
  preload(): Promise<ComponentType<P>>;
}

export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: () => ReactNode = () => null,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then((c) => {
      loaded = c;
      return c;
    });
    return pending;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: a factory called once at module load, like React.lazy
  function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<Error | null>(null);
    useEffect(() => {
      if (C) return;
      let live = true;
      preload().then(
        (c) => live && setC(() => c),
        (e: Error) => {
          pending = null;
          if (live) setError(e);
        },
      );
      return () => {
        live = false;
      };
    }, [C]);
    if (error) throw error; // to the nearest error boundary: e.g. a chunk missing after a redeploy
    return C ? <C {...props} /> : fallback();
  }
  Lazy.preload = preload;
  return Lazy;
}
