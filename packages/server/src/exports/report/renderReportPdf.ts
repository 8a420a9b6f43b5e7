// Owns the PDF report: the HTML report's sections drawn by pdfkit (vector charts, no browser), streamed to a
// temporary file beside the target and renamed into place once complete, so no reader sees half a PDF.
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { partialPath } from '../writers/writeExport.ts';
import { describeFilter, describeRange } from './describeFilter.ts';
import { formatChange, formatDelta, formatValue } from './formatValue.ts';
import { drawChart } from './pdf/drawChart.ts';
import { drawTable, type PdfColumn } from './pdf/drawTable.ts';
import { CONTENT_WIDTH, PAGE, PdfCursor } from './pdf/PdfCursor.ts';
import { type PdfFonts, pdfFonts } from './pdf/pdfFonts.ts';
import { changeTone } from './renderReportHtml.ts';
import { reportCharts } from './reportCharts.ts';
import { MODEL_COLUMNS, SESSION_COLUMNS, TRAINING_COLUMNS } from './reportColumns.ts';
import type { ReportData } from './reportData.ts';

const TONE = { good: '#15803d', bad: '#b91c1c', neutral: '#6b7280' };
const right = (label: string, weight = 1): PdfColumn => ({ label, weight, align: 'right' });
const left = (label: string, weight: number): PdfColumn => ({ label, weight, align: 'left' });

function kpiCards(cur: PdfCursor, d: ReportData): void {
  const { doc, fonts } = cur;
  const cols = 3;
  const gap = 8;
  const w = (CONTENT_WIDTH - gap * (cols - 1)) / cols;
  const h = 50;
  d.kpis.forEach((k, i) => {
    if (i % cols === 0) {
      if (i > 0) cur.y += h + gap;
      cur.ensure(h);
    }
    const x = PAGE.margin + (i % cols) * (w + gap);
    doc.roundedRect(x, cur.y, w, h, 4).lineWidth(0.6).stroke('#d1d5db');
    doc
      .font(fonts.regular)
      .fontSize(8)
      .fillColor('#6b7280')
      .text(fonts.safe(k.label), x + 8, cur.y + 6, { lineBreak: false });
    doc.font(fonts.bold).fontSize(14).fillColor('#111827');
    doc.text(fonts.safe(formatValue(k.value, k.unit)), x + 8, cur.y + 17, { lineBreak: false });
    const change = d.comparisonWindow
      ? `${formatChange(k.change_pct)} vs previous (was ${formatValue(k.previous, k.unit)})`
      : 'no comparison';
    doc
      .font(fonts.regular)
      .fontSize(7)
      .fillColor(TONE[d.comparisonWindow ? changeTone(k) : 'neutral']);
    doc.text(fonts.safe(change), x + 8, cur.y + 36, { lineBreak: false, width: w - 12 });
  });
  cur.y += h + 6;
}

function chart(cur: PdfCursor, title: string, layout: ReturnType<typeof reportCharts>['cost']): void {
  const height = layout.height * (CONTENT_WIDTH / layout.width);
  cur.ensure(height + 16);
  cur.text(title, { size: 9, bold: true, gap: 2 });
  cur.y += drawChart(cur.doc, layout, cur.fonts, PAGE.margin, cur.y, CONTENT_WIDTH) + 8;
}

function draw(cur: PdfCursor, d: ReportData): void {
  const charts = reportCharts(d, CONTENT_WIDTH, 165);
  cur.text(`LLM Analytics report — ${d.workspace.name}`, { size: 18, bold: true, gap: 6 });
  const window = d.window ? `${d.window.from} – ${d.window.to} (UTC, end exclusive)` : 'all stored data';
  const compared = d.comparisonWindow
    ? `${d.comparisonWindow.from} – ${d.comparisonWindow.to}`
    : 'no previous period';
  for (const line of [
    `Workspace: ${d.workspace.name} (${d.workspace.id})`,
    `Time range: ${describeRange(d.dateRange)}: ${window}`,
    `Compared with: ${compared}`,
    `Filters: ${describeFilter(d.filters)}`,
    `Generated at: ${d.generatedAt}`,
  ])
    cur.text(line, { size: 9, color: '#4b5563', gap: 1 });

  cur.heading('Key metrics');
  kpiCards(cur, d);

  cur.heading('Cost and latency');
  chart(cur, `Cost per ${d.series.bucket}`, charts.cost);
  chart(cur, `Latency p50 / p95 per ${d.series.bucket} (dashed: SLA threshold)`, charts.latency);

  cur.heading('Models');
  drawTable(
    cur,
    [
      left('Model', 3.2),
      left('Method', 1),
      ...MODEL_COLUMNS.map((c) => right(c.label)),
      right('Δ success', 1.1),
    ],
    d.models.map((m) => [
      m.model_id,
      m.training_method ?? '—',
      ...MODEL_COLUMNS.map((c) => formatValue(m.values[c.key], c.unit)),
      m.vs_base ? formatDelta(m.vs_base.deltas.success_rate.absolute, 'percent') : '—',
    ]),
    'No model-attributed messages in this range.',
  );

  cur.heading('Training effectiveness');
  chart(cur, 'Success rate per model (colour: training method)', charts.training);
  const tuned = d.models.filter((m) => m.vs_base !== null);
  drawTable(
    cur,
    [
      left('Fine-tune', 2.6),
      left('Method', 0.9),
      left('Base model', 2.2),
      ...TRAINING_COLUMNS.map((c) => right(`Δ ${c.label}`, 1.2)),
    ],
    tuned.map((m) => [
      m.model_id,
      m.training_method ?? '',
      m.vs_base?.base_model ?? '',
      ...TRAINING_COLUMNS.map((c) => formatDelta(m.vs_base?.deltas[c.key].absolute ?? null, c.unit)),
    ]),
    'No fine-tunes (SFT, DPO, RLHF) with base-model traffic in this range.',
  );

  cur.heading('A/B sessions');
  drawTable(
    cur,
    [left('Session', 2.4), left('Experiment', 2), ...SESSION_COLUMNS.map((c) => right(c.label))],
    d.sessions.map((s) => [
      s.session,
      s.experiment ?? '—',
      ...SESSION_COLUMNS.map((c) => formatValue(s.values[c.key], c.unit)),
    ]),
    'No messages carry a session id in this range.',
  );

  cur.heading('Price book and SLA');
  cur.text(`SLA threshold: a message breaches it when its latency exceeds ${d.slaThresholdMs} ms.`, {
    size: 9,
  });
  const pb = d.priceBook;
  const price = (p: { input_per_1k: number; output_per_1k: number }) => [
    `$${p.input_per_1k}`,
    `$${p.output_per_1k}`,
  ];
  drawTable(
    cur,
    [
      left('Layer', 1),
      left('Applies to', 3),
      right('Input / 1k tokens', 1.4),
      right('Output / 1k tokens', 1.4),
    ],
    [
      ...Object.entries(pb.models ?? {}).map(([k, p]) => ['model', k, ...price(p)]),
      ...Object.entries(pb.providers ?? {}).map(([k, p]) => ['provider', k, ...price(p)]),
      ...(pb.default ? [['default', 'every other model', ...price(pb.default)]] : []),
    ],
    'The workspace price book is empty.',
  );
  cur.text(
    'A message is priced by the first layer that knows it: model › provider › the @pydantic/genai-prices catalog › default.',
    { size: 8, color: '#6b7280' },
  );
  cur.text(
    d.unpricedMessages === 0
      ? 'Every message with tokens was priced.'
      : `${d.unpricedMessages} messages with tokens matched no price and count as $0.`,
    { size: 9 },
  );

  cur.heading('How the numbers were computed');
  cur.text(
    "Every number above is a value of these queries' replies (POST /api/analytics/query, same workspace and time):",
    { size: 8, color: '#6b7280' },
  );
  for (const [name, q] of Object.entries(d.queries))
    cur.text(`${name}: ${JSON.stringify(q)}`, { size: 7, color: '#374151' });
}

/** Writes the report to `outPath` (via a temporary sibling, renamed when complete); returns its size and pages. */
export async function renderReportPdf(
  d: ReportData,
  outPath: string,
  fonts: PdfFonts = pdfFonts(),
): Promise<{ bytes: number; pages: number }> {
  const tmp = partialPath(outPath);
  const doc = new PDFDocument({
    size: 'A4',
    // The bottom margin leaves room for the footer: text below it would make pdfkit start a page of its own.
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 16 },
    info: {
      Title: fonts.safe(`LLM Analytics report — ${d.workspace.name}`),
      Producer: 'LLM Analytics',
      CreationDate: new Date(d.generatedAt),
    },
  });
  if (fonts.files) {
    doc.registerFont(fonts.regular, fonts.files.regular);
    doc.registerFont(fonts.bold, fonts.files.bold);
  }
  const out = createWriteStream(tmp);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  let pages = 0;
  try {
    const cur = new PdfCursor(doc, fonts, `LLM Analytics · ${d.workspace.name} · generated ${d.generatedAt}`);
    draw(cur, d);
    pages = cur.pages;
    doc.end();
    await done;
    await rename(tmp, outPath);
  } catch (err) {
    // The file may still be opening: removing it before the stream has closed would leave it behind.
    const closed = new Promise<void>((resolve) =>
      out.closed ? resolve() : out.once('close', () => resolve()),
    );
    out.destroy();
    await closed;
    await rm(tmp, { force: true });
    throw err;
  }
  return { bytes: (await stat(outPath)).size, pages };
}
