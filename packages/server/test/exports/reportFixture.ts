// Owns the report tests' data: the analytics fixture's seeded workspace (with an oracle), a workspace whose
// model, session and experiment names are hostile or non-ASCII, and an empty one; plus building a report.
import type { AnalyticsQuery, Filter } from '@llm-analytics/core';
import { type ReportData, reportData } from '../../src/exports/report/reportData.ts';
import { NOW } from '../analytics/dataset.ts';
import { type Loaded, loadServer } from '../analytics/fixture.ts';
import { type OracleReply, oracle } from '../analytics/oracle.ts';
import type { Engine } from '../helpers/testServer.ts';

export const HOSTILE_WORKSPACE = 'hostile-ws';
export const EMPTY_WORKSPACE = 'empty-ws';
export const SCRIPT_MODEL = '<script>window.__pwned = 1</script>';
export const UNICODE_MODEL = 'modèle-ß-日本語-😀';
export const UNICODE_BASE = 'base <b>bold</b> & "quoted"';
export const HOSTILE_SESSION = '"><img src=x onerror="window.__pwned=2">';
export const HOSTILE_EXPERIMENT = 'exp\'&amp;"<svg onload=alert(3)>';

export interface ReportFixture extends Loaded {
  /** The report of `workspaceId` over `date_range` (filters, metrics optional), at the dataset's NOW. */
  report(opts?: {
    workspaceId?: string;
    dateRange?: AnalyticsQuery['date_range'];
    filters?: Filter;
    includedMetrics?: string[];
  }): Promise<ReportData>;
  /** The oracle's reply for `q` on the seeded workspace. */
  expect(q: AnalyticsQuery): OracleReply;
}

const HOUR = 3_600_000;

async function loadHostile(l: Loaded): Promise<void> {
  const { ctx } = l.s;
  await ctx.workspaces.create(HOSTILE_WORKSPACE, HOSTILE_WORKSPACE);
  await ctx.workspaces.create(EMPTY_WORKSPACE, EMPTY_WORKSPACE);
  const at = (h: number) => new Date(NOW.getTime() - h * HOUR).toISOString();
  const models = [SCRIPT_MODEL, UNICODE_MODEL, UNICODE_BASE];
  await ctx.ingest.ingest(HOSTILE_WORKSPACE, {
    models: [
      { model_id: UNICODE_BASE, provider: 'openai', training_method: 'base', base_model: null },
      { model_id: UNICODE_MODEL, provider: 'openai', training_method: 'sft', base_model: UNICODE_BASE },
      { model_id: SCRIPT_MODEL, provider: 'openai', training_method: 'dpo', base_model: UNICODE_BASE },
    ],
    conversations: [
      {
        id: 'h-1',
        user_id: 'u',
        session_id: HOSTILE_SESSION,
        experiment_name: HOSTILE_EXPERIMENT,
        is_widget_session: false,
      },
    ],
    messages: Array.from({ length: 30 }, (_, i) => ({
      id: `h-m-${i}`,
      conversation_id: 'h-1',
      role: 'assistant' as const,
      created_at: at(2 + i * 7),
      model_id: models[i % 3],
      provider: 'openai',
      input_tokens: 100 + i,
      output_tokens: 50 + i,
      latency_ms: 200 + 40 * i,
      error_type: null,
    })),
    evaluations: Array.from({ length: 30 }, (_, i) => ({
      id: `h-e-${i}`,
      message_id: `h-m-${i}`,
      evaluator_id: 'judge',
      rating: 1 + (i % 5),
      success: i % 4 !== 0,
      failure_tags: null,
      created_at: at(1 + i * 7),
    })),
  });
}

export async function loadReportFixture(engine: Engine): Promise<ReportFixture> {
  const l = await loadServer(engine);
  await loadHostile(l);
  const deps = { analytics: l.s.ctx.analytics, settings: l.s.ctx.settings, store: l.s.ctx.store };
  // Extends the loaded fixture in place, so setSettings(fixture, …) also changes what the oracle prices with.
  return Object.assign(l, {
    report: (o: Parameters<ReportFixture['report']>[0] = {}) =>
      reportData(deps, {
        workspaceId: o.workspaceId ?? l.s.workspaceId,
        dateRange: o.dateRange ?? '30d',
        ...(o.filters ? { filters: o.filters } : {}),
        ...(o.includedMetrics ? { includedMetrics: o.includedMetrics } : {}),
        now: NOW,
      }),
    expect: (q: AnalyticsQuery) => oracle(l.ds, q, NOW, l.settings),
  });
}
