// Owns serving the built dashboard at `/`: static files from packages/web/dist, SPA fallback to index.html.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { readStatic } from '../../web/serveStatic.ts';
import { WEB_DIST } from '../../web/webPaths.ts';
import { ApiError } from '../ApiError.ts';
import { apiRoute } from '../apiRoute.ts';

/** The SPA loads only its own scripts; ECharts and React set styles through the DOM, hence style 'unsafe-inline'. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export const webRoutes =
  (distDir: string = WEB_DIST): FastifyPluginAsync =>
  async (app) => {
    const send = (reply: FastifyReply, f: NonNullable<Awaited<ReturnType<typeof readStatic>>>) =>
      reply
        .header('content-type', f.type)
        .header('cache-control', f.cacheControl)
        .header('x-content-type-options', 'nosniff')
        .send(f.body);

    apiRoute(app, {
      method: 'GET',
      url: '/*',
      permission: 'public',
      summary: "The dashboard's files, and its page for every other path",
      hidden: true,
      replies: { 200: null },
      handler: async (req, reply) => {
        const path = req.url.split('?')[0];
        if (path === '/api' || path.startsWith('/api/') || path.startsWith('/v1/')) {
          throw new ApiError(404, 'not_found', `no route ${req.method} ${req.url}`);
        }
        const file = path === '/' ? null : await readStatic(distDir, path);
        if (file) return send(reply, file);
        // Missing hashed assets are real 404s (a stale tab after a deploy), not the SPA shell.
        if (path.startsWith('/assets/')) throw new ApiError(404, 'not_found', `no file ${path}`);
        const index = await readStatic(distDir, '/index.html');
        if (!index) {
          throw new ApiError(
            503,
            'dashboard_not_built',
            'the dashboard is not built: run `npm start` or `npm run build -w @llm-analytics/web`',
          );
        }
        reply.header('content-security-policy', CSP);
        return send(reply, { ...index, cacheControl: 'no-cache' });
      },
    });
  };
