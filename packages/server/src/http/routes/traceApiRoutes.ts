// Owns the traces API routes: the seed's GET/POST /api/analytics/traces (list, capture a span), a trace's
// detail and a conversation's thread, each a thin wrapper over TraceApiService or ConversationService.
import {
  ConversationReplySchema,
  SeedTraceBodySchema,
  SeedTraceReplySchema,
  TraceDetailReplySchema,
  TraceListReplySchema,
} from '@llm-analytics/core';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../AppContext.ts';
import { ConversationService } from '../../traces/ConversationService.ts';
import { PricedListing } from '../../traces/PricedListing.ts';
import { TraceApiService } from '../../traces/TraceApiService.ts';
import { TraceListParams } from '../../traces/traceListParams.ts';
import { apiRoute } from '../apiRoute.ts';

export const traceApiRoutes =
  (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const priced = new PricedListing(ctx.store.dialect, ctx.settings);
    const traces = new TraceApiService(ctx.store, ctx.traces, priced);
    const conversations = new ConversationService(ctx.store, priced);
    apiRoute(app, {
      method: 'GET',
      url: '/api/analytics/traces',
      permission: 'read',
      summary: 'Traces newest first (by root span start), with filters and a keyset cursor',
      description:
        'A trace is listed at its root span (the earliest span without a parent). `next_cursor` reads the ' +
        'next page; `status=ok` keeps traces without an error span.',
      query: TraceListParams,
      replies: { 200: TraceListReplySchema },
      handler: async (req) => traces.list(req.principal!.workspaceId, req.query),
    });
    apiRoute(app, {
      method: 'POST',
      url: '/api/analytics/traces',
      permission: 'ingest',
      summary:
        "Capture one span (the seed's trace body), stored with the OTLP spans; acknowledged after commit",
      body: SeedTraceBodySchema,
      replies: { 200: SeedTraceReplySchema },
      handler: async (req) => traces.capture(req.principal!.workspaceId, req.body),
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/traces/:traceId',
      permission: 'read',
      summary: "A trace's summary and every span by start time (the client builds the tree by parent id)",
      replies: { 200: TraceDetailReplySchema },
      handler: async (req) => traces.detail(req.principal!.workspaceId, req.params.traceId),
    });
    apiRoute(app, {
      method: 'GET',
      url: '/api/conversations/:id',
      permission: 'read',
      summary:
        'A conversation: its messages in order with cost and evaluations, and the traces they came from',
      replies: { 200: ConversationReplySchema },
      handler: async (req) => conversations.get(req.principal!.workspaceId, req.params.id),
    });
  };
