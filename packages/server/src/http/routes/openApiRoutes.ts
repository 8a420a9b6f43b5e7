// Owns GET /api/openapi.json: the OpenAPI 3.1 document of every route registered after installOpenApi.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { VERSION } from '../../version.ts';
import { apiRoute } from '../apiRoute.ts';
import { type DocumentedRoute, openApiDocument } from '../openApiDocument.ts';

const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.unknown()),
});

const ROUTES = new WeakMap<FastifyInstance, DocumentedRoute[]>();

/** The routes the document describes, as the onRoute hook saw them (tests compare them with the document). */
export const documentedRoutes = (app: FastifyInstance): readonly DocumentedRoute[] => ROUTES.get(app) ?? [];

/**
 * Install before any route: collects every route with its declared contract (automatic HEAD twins left out),
 * and serves the document, rendered once on first request when every route is known.
 */
export function installOpenApi(app: FastifyInstance): void {
  const routes: DocumentedRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    const config = route.config;
    // Routes without a contract stay out (the coverage test fails on them); HEAD twins are Fastify's own.
    if (!config?.api) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        permission: config.permission ?? 'public',
        workspaceParam: config.workspaceParam,
        doc: config.api,
      });
    }
  });
  let document: z.output<typeof OpenApiDocumentSchema> | undefined;
  apiRoute(app, {
    method: 'GET',
    url: '/api/openapi.json',
    permission: 'public',
    summary: 'This document: every route, its parameters, bodies, replies and permission',
    replies: { 200: OpenApiDocumentSchema },
    handler: async () => (document ??= openApiDocument(routes, VERSION)),
  });
}
