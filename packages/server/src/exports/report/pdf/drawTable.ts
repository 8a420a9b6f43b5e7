// Owns drawing a table into the PDF report: a header row repeated after page breaks, cells cut to their width.
import type { PdfCursor } from './PdfCursor.ts';
import { CONTENT_WIDTH, PAGE } from './PdfCursor.ts';

export interface PdfColumn {
  label: string;
  /** Left (text) columns share the width the right (number) columns leave, by weight. */
  weight: number;
  align: 'left' | 'right';
}

const SIZE = 7;
const ROW = 13;
const PAD = 2;
const MIN_TEXT = 40;

/** Cuts `text` with an ellipsis so it fits `width` points at the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s}…`;
}

/**
 * Number columns get their widest cell (never cut); text columns share the rest by weight, each at most as
 * wide as its widest cell unless space is left over. Everything shrinks evenly if numbers alone do not fit.
 */
function columnWidths(cur: PdfCursor, columns: PdfColumn[], rows: string[][]): number[] {
  const { doc, fonts } = cur;
  const natural = columns.map((c, i) => {
    doc.font(fonts.bold).fontSize(SIZE);
    let w = doc.widthOfString(fonts.safe(c.label));
    doc.font(fonts.regular).fontSize(SIZE);
    for (const r of rows) w = Math.max(w, doc.widthOfString(fonts.safe(r[i] ?? '')));
    return w + PAD * 2 + 1;
  });
  const fixed = columns.reduce((a, c, i) => a + (c.align === 'right' ? natural[i] : 0), 0);
  const text = columns.filter((c) => c.align === 'left');
  const room = CONTENT_WIDTH - fixed;
  const weights = text.reduce((a, c) => a + c.weight, 0);
  const wanted = columns.reduce((a, c, i) => a + (c.align === 'left' ? natural[i] : 0), 0);
  const widths = columns.map((c, i) => {
    if (c.align === 'right') return natural[i];
    if (wanted <= room) return natural[i] + ((room - wanted) * c.weight) / weights;
    return Math.max(MIN_TEXT, (room * c.weight) / weights);
  });
  const total = widths.reduce((a, w) => a + w, 0);
  return total > CONTENT_WIDTH ? widths.map((w) => (w * CONTENT_WIDTH) / total) : widths;
}

export function drawTable(cur: PdfCursor, columns: PdfColumn[], rows: string[][], empty: string): void {
  const { doc, fonts } = cur;
  if (rows.length === 0) {
    cur.text(empty, { size: 9, color: '#6b7280' });
    return;
  }
  const widths = columnWidths(cur, columns, rows);
  const row = (cells: string[], bold: boolean) => {
    let x = PAGE.margin;
    doc
      .font(bold ? fonts.bold : fonts.regular)
      .fontSize(SIZE)
      .fillColor('#1f2937');
    cells.forEach((cell, i) => {
      const w = widths[i] - PAD * 2;
      const text = fit(doc, fonts.safe(cell), w);
      doc.text(text, x + PAD, cur.y + 3, { width: w, align: columns[i].align, lineBreak: false });
      x += widths[i];
    });
    cur.y += ROW;
    doc
      .moveTo(PAGE.margin, cur.y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, cur.y)
      .lineWidth(0.3)
      .stroke('#e5e7eb');
  };
  const header = () => {
    doc.rect(PAGE.margin, cur.y, CONTENT_WIDTH, ROW).fill('#f3f4f6');
    row(
      columns.map((c) => c.label),
      true,
    );
  };
  cur.ensure(ROW * 3);
  header();
  for (const cells of rows) {
    const before = cur.pages;
    cur.ensure(ROW);
    if (cur.pages !== before) header();
    row(cells, false);
  }
  cur.y += 6;
}
