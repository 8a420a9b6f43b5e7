// Owns the accounts tests' HTTP helpers: one request function (key or session), users, sign-in.
import type { Role } from '../../src/accounts/permissions.ts';
import type { TestServer } from '../helpers/testServer.ts';

export interface SessionClient {
  cookie: string;
  csrf: string;
  userId: string;
  setCookie: string;
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test replies are inspected loosely
  body: any;
  text: string;
  headers: Headers;
}

export interface CallOpts {
  key?: string;
  session?: SessionClient;
  /** Send the session's CSRF token on mutations (default true); false to test refusal. */
  csrf?: boolean | string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call(baseUrl: string, method: string, path: string, o: CallOpts = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  if (o.session) {
    headers.cookie = o.session.cookie;
    if (o.csrf !== false) headers['x-csrf-token'] = typeof o.csrf === 'string' ? o.csrf : o.session.csrf;
  }
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body, text, headers: res.headers };
}

export async function login(s: TestServer, email: string, password: string): Promise<SessionClient> {
  const r = await call(s.url, 'POST', '/api/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${r.text}`);
  const setCookie = r.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0], csrf: r.body.csrf_token, userId: r.body.user.id, setCookie };
}

/** Creates a user with a role in a workspace (made if missing) and signs them in. */
export async function userWithRole(
  s: TestServer,
  email: string,
  role: Role,
  workspaceId = s.workspaceId,
  password = 'correct horse battery',
): Promise<SessionClient> {
  if (!(await s.ctx.workspaces.get(workspaceId))) await s.ctx.workspaces.create(workspaceId, workspaceId);
  const user = (await s.ctx.users.findByEmail(email)) ?? (await s.ctx.users.create({ email, password }));
  await s.ctx.memberships.add(workspaceId, user.id, role);
  return login(s, email, password);
}
