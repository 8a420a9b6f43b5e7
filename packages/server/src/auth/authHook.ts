// Owns the one auth hook: every route must declare a permission (fail closed), every request is resolved
// to {principal, workspace, scope} before its handler runs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/ApiError.ts';
import type { ApiKeyService, KeyPrincipal, Scope } from './ApiKeyService.ts';

export type Permission = 'public' | Scope;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: KeyPrincipal | null;
  }
}

const allows = (scope: Scope, need: Scope) => scope === 'admin' || scope === need;

export function installAuth(app: FastifyInstance, keys: ApiKeyService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const permission = (route.config as { permission?: Permission } | undefined)?.permission;
    if (!permission) throw new Error(`route ${route.method} ${route.url} declares no permission`);
  });
  app.addHook('onRequest', async (req) => {
    const need = req.routeOptions.config?.permission;
    if (!req.routeOptions.url) return; // unmatched: the 404 handler answers
    if (!need) throw new ApiError(500, 'no_permission', 'route declares no permission');
    if (need === 'public') return;
    req.principal = await authenticate(req, keys);
    if (!allows(req.principal.scope, need)) {
      throw new ApiError(
        403,
        'forbidden',
        `this API key has scope "${req.principal.scope}"; "${need}" is required`,
      );
    }
  });
}

async function authenticate(req: FastifyRequest, keys: ApiKeyService): Promise<KeyPrincipal> {
  const header = req.headers.authorization;
  if (!header) throw new ApiError(401, 'unauthorized', 'missing Authorization: Bearer <api key> header');
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new ApiError(401, 'unauthorized', 'Authorization header must be "Bearer <api key>"');
  const principal = await keys.verify(m[1]);
  if (!principal) throw new ApiError(401, 'invalid_api_key', 'the API key is unknown or revoked');
  return principal;
}
