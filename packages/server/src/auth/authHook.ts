// Owns the one auth hook: every route must declare a permission (fail closed), every request is resolved
// to {principal (user or API key), workspace, permissions} before its handler runs, CSRF included.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MembershipService } from '../accounts/MembershipService.ts';
import {
  type Permission,
  ROLE_PERMISSIONS,
  ROUTE_PERMISSIONS,
  SCOPE_PERMISSIONS,
  type WorkspacePermission,
} from '../accounts/permissions.ts';
import type { SessionService } from '../accounts/SessionService.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/ApiError.ts';
import { TokenBuckets } from '../ratelimit/TokenBuckets.ts';
import type { ApiKeyService } from './ApiKeyService.ts';
import { assertCsrf } from './csrf.ts';
import type { ApiKeyPrincipal, Principal, UserPrincipal } from './Principal.ts';
import { clearedSessionCookie, readSessionCookie } from './sessionCookie.ts';

export type { Permission } from '../accounts/permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    /** Name of the path parameter that names the workspace (e.g. `id` in /api/workspaces/:id/members). */
    workspaceParam?: string;
    /** Name of the query parameter that may name the workspace when no header does (GET /api/events). */
    workspaceQuery?: string;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthDeps {
  keys: ApiKeyService;
  sessions: SessionService;
  memberships: MembershipService;
  config: Pick<Config, 'rateLimitKeyPerSecond'>;
}

export interface RouteInfo {
  method: string;
  url: string;
  permission: Permission;
  workspaceParam?: string;
}

const ROUTES = new WeakMap<FastifyInstance, RouteInfo[]>();

/** Every route registered on the app with its permission (tests enumerate them). */
export const registeredRoutes = (app: FastifyInstance): readonly RouteInfo[] => ROUTES.get(app) ?? [];

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NO_WORKSPACE = new Set<Permission>(['public', 'authenticated', 'user']);

export function installAuth(app: FastifyInstance, deps: AuthDeps): void {
  const routes: RouteInfo[] = [];
  // Per principal (key id or user id), after authentication; the per-IP limit runs before (security.ts).
  const limit = new TokenBuckets(deps.config.rateLimitKeyPerSecond);
  ROUTES.set(app, routes);
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const config = route.config as { permission?: Permission; workspaceParam?: string } | undefined;
    const permission = config?.permission;
    if (!permission) throw new Error(`route ${route.method} ${route.url} declares no permission`);
    if (!ROUTE_PERMISSIONS.includes(permission)) {
      throw new Error(`route ${route.method} ${route.url} declares unknown permission "${permission}"`);
    }
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, permission, workspaceParam: config?.workspaceParam });
    }
  });
  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.url) return; // unmatched: the 404 handler answers
    const need = req.routeOptions.config?.permission;
    if (!need) throw new ApiError(500, 'no_permission', 'route declares no permission');
    if (need === 'public') return;
    const principal = await authenticate(req, deps, need, () =>
      reply.header('set-cookie', clearedSessionCookie(req)),
    );
    const wait = limit.take(principal.kind === 'key' ? `k:${principal.keyId}` : `u:${principal.userId}`);
    if (wait) throw tooMany(wait);
    req.principal = principal;
    if (principal.kind === 'user' && MUTATING.has(req.method)) assertCsrf(req, principal.csrfToken);
    if (need === 'authenticated') return;
    if (need === 'user') {
      if (principal.kind !== 'user') throw new ApiError(403, 'user_required', 'sign in as a user for this');
      return;
    }
    await bindWorkspace(req, principal, deps);
    if (!principal.permissions.has(need as WorkspacePermission)) {
      const who =
        principal.kind === 'key'
          ? `this API key has scope "${principal.scope}"`
          : `your role is "${principal.role}"`;
      throw new ApiError(403, 'forbidden', `${who}; "${need}" is required`);
    }
  });
}

export const tooMany = (seconds: number) =>
  new ApiError(429, 'rate_limited', `too many requests: retry in ${seconds} s`, undefined, {
    'retry-after': String(seconds),
  });

async function authenticate(
  req: FastifyRequest,
  deps: AuthDeps,
  need: Permission,
  clearCookie: () => void,
): Promise<Principal> {
  const header = req.headers.authorization;
  // A bearer key wins over a cookie: it cannot be sent cross-site by a browser, so it needs no CSRF token.
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new ApiError(401, 'unauthorized', 'Authorization header must be "Bearer <api key>"');
    const key = await deps.keys.verify(m[1]);
    if (!key) throw new ApiError(401, 'invalid_api_key', 'the API key is unknown or revoked');
    const principal: ApiKeyPrincipal = {
      kind: 'key',
      keyId: key.keyId,
      prefix: key.prefix,
      scope: key.scope,
      workspaceId: key.workspaceId,
      permissions: SCOPE_PERMISSIONS[key.scope],
      actor: `key:${key.prefix}`,
    };
    return principal;
  }
  const token = readSessionCookie(req);
  const session = token ? await deps.sessions.resolve(token) : null;
  if (!session) {
    if (token) clearCookie();
    if (need === 'ingest') {
      throw new ApiError(401, 'unauthorized', 'missing Authorization: Bearer <api key> header');
    }
    throw new ApiError(401, 'unauthenticated', 'sign in, or send Authorization: Bearer <api key>');
  }
  const user: UserPrincipal = {
    kind: 'user',
    userId: session.userId,
    email: session.email,
    name: session.name,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    role: null,
    workspaceId: '',
    permissions: new Set(),
    actor: session.email,
  };
  if (NO_WORKSPACE.has(need)) {
    // Non-workspace routes still learn the chosen workspace (if the user belongs to it) for convenience.
    const chosen = headerWorkspace(req);
    const list = await deps.memberships.workspacesOf(user.userId);
    const ws = (chosen && list.find((w) => w.id === chosen)) || list[0];
    if (ws)
      Object.assign(user, { workspaceId: ws.id, role: ws.role, permissions: ROLE_PERMISSIONS[ws.role] });
  }
  return user;
}

const headerWorkspace = (req: FastifyRequest): string | null => {
  const v = req.headers['x-workspace-id'];
  return typeof v === 'string' && v ? v : null;
};

/** Decides the workspace of a workspace-permission request and the principal's permissions in it. */
async function bindWorkspace(req: FastifyRequest, principal: Principal, deps: AuthDeps): Promise<void> {
  const param = req.routeOptions.config?.workspaceParam;
  const fromPath = param ? (req.params as Record<string, string | undefined>)[param] : undefined;
  const query = req.routeOptions.config?.workspaceQuery;
  const fromQuery = query ? (req.query as Record<string, unknown>)[query] : undefined;
  const requested =
    fromPath ?? headerWorkspace(req) ?? (typeof fromQuery === 'string' && fromQuery ? fromQuery : null);
  if (principal.kind === 'key') {
    // A key is bound to its workspace: naming any other one is refused, never silently redirected.
    if (requested && requested !== principal.workspaceId) {
      throw new ApiError(403, 'forbidden_workspace', 'this API key belongs to another workspace');
    }
    return;
  }
  let wsId = requested;
  if (!wsId) {
    const first = (await deps.memberships.workspacesOf(principal.userId))[0];
    if (!first) throw new ApiError(403, 'no_workspace', 'you are not a member of any workspace');
    wsId = first.id;
  }
  const role = await deps.memberships.roleOf(wsId, principal.userId);
  if (!role) throw new ApiError(403, 'forbidden_workspace', 'you are not a member of this workspace');
  principal.workspaceId = wsId;
  principal.role = role;
  principal.permissions = ROLE_PERMISSIONS[role];
}
