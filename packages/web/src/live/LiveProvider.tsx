// Owns the React side of the live connection: one LiveConnection per signed-in workspace, handed down by context.
import { createContext, type ReactNode, useEffect, useState } from 'react';
import { LiveConnection } from './LiveConnection';

export const LiveContext = createContext<LiveConnection | null>(null);

export function LiveProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  useEffect(() => {
    const c = new LiveConnection(workspaceId);
    setConnection(c);
    return () => c.close();
  }, [workspaceId]);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}
