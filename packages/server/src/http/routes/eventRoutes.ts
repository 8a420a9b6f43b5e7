// Owns GET /api/events: the workspace's live events as Server-Sent Events (`read`).
import { EventsQuerySchema, LIVE_EVENT_SCHEMAS } from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { apiRoute } from '../apiRoute.ts';

export const eventRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    // Open streams would hold the server's close for ever: end them before it waits for connections.
    app.addHook('preClose', async () => ctx.eventStreams.closeAll());
    apiRoute(app, {
      method: 'GET',
      url: '/api/events',
      permission: 'read',
      workspaceQuery: 'workspace',
      summary: "The workspace's live events (Server-Sent Events): new data, anomalies, alert states, jobs",
      description:
        'Each event has an `id:`; a client reconnecting with `Last-Event-ID` (or `?lastEventId=`) first gets ' +
        'the events it missed, or a `reset` event (re-read everything) when they are no longer held or the ' +
        'server restarted. `data` events are coalesced (at most one per workspace per ~250 ms) and name the ' +
        'tables written. A `: heartbeat` comment every 15 s; a client that stops reading is disconnected.',
      query: EventsQuerySchema,
      replies: { 200: null },
      eventStream: { events: LIVE_EVENT_SCHEMAS },
      handler: async (req, reply) => {
        // HEAD (Fastify adds it to every GET): the stream's headers, no stream that would never end.
        if (req.method === 'HEAD') {
          reply.type('text/event-stream; charset=utf-8').send();
          return;
        }
        const header = req.headers['last-event-id'];
        const lastEventId = (typeof header === 'string' ? header : undefined) ?? req.query.lastEventId;
        reply.hijack();
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = String(v);
        ctx.eventStreams.stream(reply.raw, req.principal!.workspaceId, lastEventId, headers);
      },
    });
  };
