// Owns the HTML report: one self-contained document (inline CSS, inline SVG charts, no scripts, no external
// resources) with every text escaped, from the ReportData every number comes from.
import { describeFilter, describeRange } from './describeFilter.ts';
import { escapeHtml as e } from './escapeHtml.ts';
import { formatChange, formatDelta, formatValue } from './formatValue.ts';
import { reportCharts } from './reportCharts.ts';
import {
  COST_COLOR,
  MODEL_COLUMNS,
  methodColor,
  SESSION_COLUMNS,
  TRAINING_COLUMNS,
} from './reportColumns.ts';
import { REPORT_CSS } from './reportCss.ts';
import type { ReportData, ReportKpi, ReportModel } from './reportData.ts';
import { miniBar } from './svg/barChart.ts';
import { toSvg } from './svg/toSvg.ts';

/** Good, bad or neutral news, from the KPI's good direction. */
export function changeTone(k: Pick<ReportKpi, 'better' | 'change_pct'>): 'good' | 'bad' | 'neutral' {
  if (k.change_pct === null || k.change_pct === 0 || k.better === 'none') return 'neutral';
  return k.change_pct > 0 === (k.better === 'up') ? 'good' : 'bad';
}

const num = (s: string) => `<td class="num">${e(s)}</td>`;
const th = (s: string, cls = 'num') => `<th scope="col" class="${cls}">${e(s)}</th>`;

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" data-section="${id}"><h2>${e(title)}</h2>${body}</section>`;
}

function header(d: ReportData): string {
  const window = d.window ? `${d.window.from} – ${d.window.to} (UTC, end exclusive)` : 'all stored data';
  const rows: [string, string][] = [
    ['Workspace', `${d.workspace.name} (${d.workspace.id})`],
    ['Time range', `${describeRange(d.dateRange)}: ${window}`],
    [
      'Compared with',
      d.comparisonWindow ? `${d.comparisonWindow.from} – ${d.comparisonWindow.to}` : 'no previous period',
    ],
    ['Filters', describeFilter(d.filters)],
    ['Generated at', d.generatedAt],
  ];
  const meta = rows.map(([k, v]) => `<dt>${e(k)}</dt><dd data-meta="${e(k)}">${e(v)}</dd>`).join('');
  return `<header data-section="header"><h1>${e(`LLM Analytics report — ${d.workspace.name}`)}</h1><dl class="meta">${meta}</dl></header>`;
}

function kpis(d: ReportData): string {
  const cards = d.kpis.map((k) => {
    const prev = d.comparisonWindow
      ? ` <span class="neutral">(was ${e(formatValue(k.previous, k.unit))})</span>`
      : '';
    const change = d.comparisonWindow
      ? `<div class="change ${changeTone(k)}">${e(formatChange(k.change_pct))} vs previous period${prev}</div>`
      : '<div class="change neutral">no comparison</div>';
    return `<div class="kpi" data-kpi="${e(k.metric)}"><div class="label">${e(k.label)}</div><div class="value">${e(formatValue(k.value, k.unit))}</div>${change}</div>`;
  });
  return section('kpis', 'Key metrics', `<div class="kpis">${cards.join('')}</div>`);
}

function figure(kind: string, caption: string, svg: string): string {
  return `<figure class="chart" data-figure="${kind}"><figcaption>${e(caption)}</figcaption>${svg}</figure>`;
}

function modelTable(d: ReportData): string {
  if (d.models.length === 0) return '<p class="empty">No model-attributed messages in this range.</p>';
  const maxMsgs = Math.max(0, ...d.models.map((m) => m.values.messages ?? 0));
  const maxCost = Math.max(0, ...d.models.map((m) => m.values.cost ?? 0));
  const head = `<tr>${th('Model', '')}${th('Method', '')}${th('Base model', '')}${MODEL_COLUMNS.map((c) => th(c.label)).join('')}${th('Δ success vs base')}</tr>`;
  const body = d.models.map((m) => {
    const cells = MODEL_COLUMNS.map((c) => {
      const text = formatValue(m.values[c.key], c.unit);
      if (c.key !== 'messages' && c.key !== 'cost') return num(text);
      const max = c.key === 'messages' ? maxMsgs : maxCost;
      const bar = miniBar(
        m.values[c.key],
        max,
        c.key === 'cost' ? COST_COLOR : methodColor(m.training_method),
        `${m.model_id} ${c.label}: ${text}`,
      );
      return `<td class="num bar-cell"><span class="v">${e(text)}</span>${toSvg(bar, `${c.key}-bar`)}</td>`;
    }).join('');
    const dSuccess = m.vs_base ? formatDelta(m.vs_base.deltas.success_rate.absolute, 'percent') : '—';
    return `<tr data-model="${e(m.model_id)}"><td class="name">${e(m.model_id)}</td><td>${e(m.training_method ?? '—')}</td><td class="name">${e(m.base_model ?? '—')}</td>${cells}${num(dSuccess)}</tr>`;
  });
  return `<div class="table-wrap"><table data-table="models"><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div>`;
}

function training(d: ReportData, svg: string): string {
  const tuned = d.models.filter(
    (m): m is ReportModel & { vs_base: NonNullable<ReportModel['vs_base']> } => m.vs_base !== null,
  );
  const chart = figure('training', 'Success rate per model (colour: training method)', svg);
  if (tuned.length === 0) {
    return `${chart}<p class="empty">No fine-tunes (SFT, DPO, RLHF) with base-model traffic in this range.</p>`;
  }
  const head = `<tr>${th('Fine-tune', '')}${th('Method', '')}${th('Base model', '')}${TRAINING_COLUMNS.map((c) => `${th(c.label)}${th('Δ vs base')}`).join('')}</tr>`;
  const body = tuned.map((m) => {
    const cells = TRAINING_COLUMNS.map((c) => {
      const d = m.vs_base.deltas[c.key];
      const pct = d.pct === null ? '' : ` (${formatChange(d.pct)})`;
      return `${num(formatValue(m.values[c.key], c.unit))}${num(formatDelta(d.absolute, c.unit) + pct)}`;
    }).join('');
    return `<tr data-training="${e(m.model_id)}"><td class="name">${e(m.model_id)}</td><td>${e(m.training_method ?? '')}</td><td class="name">${e(m.vs_base.base_model)}</td>${cells}</tr>`;
  });
  return `${chart}<div class="table-wrap"><table data-table="training"><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div>`;
}

function sessions(d: ReportData): string {
  if (d.sessions.length === 0) return '<p class="empty">No messages carry a session id in this range.</p>';
  const head = `<tr>${th('Session', '')}${th('Experiment', '')}${SESSION_COLUMNS.map((c) => th(c.label)).join('')}</tr>`;
  const body = d.sessions.map(
    (s) =>
      `<tr data-session="${e(s.session)}"><td class="name">${e(s.session)}</td><td class="name">${e(s.experiment ?? '—')}</td>${SESSION_COLUMNS.map((c) => num(formatValue(s.values[c.key], c.unit))).join('')}</tr>`,
  );
  return `<div class="table-wrap"><table data-table="sessions"><thead>${head}</thead><tbody>${body.join('')}</tbody></table></div>`;
}

function pricing(d: ReportData): string {
  const pb = d.priceBook;
  const price = (p: { input_per_1k: number; output_per_1k: number }) =>
    `${num(`$${p.input_per_1k}`)}${num(`$${p.output_per_1k}`)}`;
  const rows = [
    ...Object.entries(pb.models ?? {}).map(
      ([k, p]) => `<tr><td>model</td><td class="name">${e(k)}</td>${price(p)}</tr>`,
    ),
    ...Object.entries(pb.providers ?? {}).map(
      ([k, p]) => `<tr><td>provider</td><td class="name">${e(k)}</td>${price(p)}</tr>`,
    ),
    ...(pb.default ? [`<tr><td>default</td><td>every other model</td>${price(pb.default)}</tr>`] : []),
  ];
  const table = rows.length
    ? `<div class="table-wrap"><table data-table="price-book"><thead><tr>${th('Layer', '')}${th('Applies to', '')}${th('Input / 1k tokens')}${th('Output / 1k tokens')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : '<p class="empty">The workspace price book is empty.</p>';
  const order =
    '<p class="note">A message is priced by the first layer that knows it: model › provider › the @pydantic/genai-prices catalog › default.</p>';
  const unpriced = `<p data-unpriced="${d.unpricedMessages}">${d.unpricedMessages === 0 ? 'Every message with tokens was priced.' : e(`${d.unpricedMessages} messages with tokens matched no price and count as $0.`)}</p>`;
  const sla = `<p data-sla="${d.slaThresholdMs}">SLA threshold: a message breaches it when its latency exceeds <strong>${e(String(d.slaThresholdMs))} ms</strong>.</p>`;
  return section('pricing', 'Price book and SLA', `${sla}${table}${order}${unpriced}`);
}

function queries(d: ReportData): string {
  const list = Object.entries(d.queries)
    .map(
      ([name, q]) => `<dt>${e(name)}</dt><dd><pre data-query="${e(name)}">${e(JSON.stringify(q))}</pre></dd>`,
    )
    .join('');
  const body = `<p class="note">Every number above is a value of these queries' replies (POST /api/analytics/query, same workspace and time). The model table adds the model registry (training method, base model) to its query.</p><dl class="queries">${list}</dl>`;
  return section('queries', 'How the numbers were computed', body);
}

export function renderReportHtml(d: ReportData): string {
  const charts = reportCharts(d);
  const body = [
    header(d),
    kpis(d),
    section(
      'charts',
      'Cost and latency',
      figure('cost', `Cost per ${d.series.bucket}`, toSvg(charts.cost, 'cost')) +
        figure(
          'latency',
          `Latency p50 / p95 per ${d.series.bucket} (dashed: SLA threshold)`,
          toSvg(charts.latency, 'latency'),
        ),
    ),
    section('models', 'Models', modelTable(d)),
    section('training', 'Training effectiveness', training(d, toSvg(charts.training, 'training'))),
    section('sessions', 'A/B sessions', sessions(d)),
    pricing(d),
    queries(d),
    `<footer>Generated by LLM Analytics at ${e(d.generatedAt)}.</footer>`,
  ].join('\n');
  const title = e(`LLM Analytics report — ${d.workspace.name}`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><meta name="generator" content="LLM Analytics"><title>${title}</title><style>${REPORT_CSS}</style></head><body><main>\n${body}\n</main></body></html>\n`;
}
