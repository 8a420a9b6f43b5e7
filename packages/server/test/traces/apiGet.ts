// Owns the traces API tests' HTTP reads: an authenticated GET with its status and loosely typed body.
import type { TestServer } from '../helpers/testServer.ts';

// biome-ignore lint/suspicious/noExplicitAny: test replies are inspected loosely
export type Body = Record<string, any>;

export async function get(
  s: TestServer,
  path: string,
  key = s.adminKey,
): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: (await res.json()) as Body };
}
