// Owns the wire types the dashboard reads and writes (mirrors the server's HTTP contract).
import type { AnalyticsQuery, Filter, PriceBook } from '@llm-analytics/core';

export type { AnalyticsQuery, Filter, PriceBook };

export type Role = 'viewer' | 'member' | 'admin' | 'owner';
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

export interface WorkspaceRef {
  id: string;
  name: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  workspaces: WorkspaceRef[];
  csrf_token: string;
}

export interface QueryResult {
  rows: Row[];
  /** `change_pct` is aligned with `rows`: each metric's change in % against the matching previous row. */
  comparison?: { rows: Row[]; change_pct?: Record<string, number | null>[] };
  /** `unpriced_messages`: with cost metrics, the messages with tokens no price-book layer prices. */
  meta?: Record<string, unknown> & { unpriced_messages?: number };
}

export interface Price {
  input_per_1k: number;
  output_per_1k: number;
}

export interface Settings {
  price_book: { default?: Price | null; providers?: Record<string, Price>; models?: Record<string, Price> };
  sla_threshold_ms: number;
}

export interface ActivityEvent {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  details?: Record<string, unknown> | null;
}

export interface JudgmentExample {
  evaluation_id: string;
  message_id: string;
  content: string | null;
  model_id: string | null;
  rating: number | null;
  success: boolean | null;
  failure_tags: string[];
  created_at: string;
}

/** One failure tag's page of examples (GET /api/analytics/judgment-examples). */
export interface TagPage {
  tag: string;
  total: number;
  page: number;
  page_size: number;
  examples: JudgmentExample[];
}

export interface JudgmentReply {
  success: boolean;
  data: TagPage | { tags: TagPage[] };
}
