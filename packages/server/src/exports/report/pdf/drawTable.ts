// Owns drawing a table into the PDF report: a header row repeated after page breaks, cells cut to their width.
import type { PdfCursor } from './PdfCursor.ts';
import { CONTENT_WIDTH, PAGE } from './PdfCursor.ts';

export interface PdfColumn {
  label: string;
  /** Share of the content width. */
  weight: number;
  align: 'left' | 'right';
}

const SIZE = 7;
const ROW = 13;

/** Cuts `text` with an ellipsis so it fits `width` points at the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s}…`;
}

export function drawTable(cur: PdfCursor, columns: PdfColumn[], rows: string[][], empty: string): void {
  const { doc, fonts } = cur;
  if (rows.length === 0) {
    cur.text(empty, { size: 9, color: '#6b7280' });
    return;
  }
  const total = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * CONTENT_WIDTH);
  const row = (cells: string[], bold: boolean) => {
    let x = PAGE.margin;
    doc
      .font(bold ? fonts.bold : fonts.regular)
      .fontSize(SIZE)
      .fillColor('#1f2937');
    cells.forEach((cell, i) => {
      const w = widths[i] - 4;
      const text = fit(doc, fonts.safe(cell), w);
      doc.text(text, x + 2, cur.y + 3, { width: w, align: columns[i].align, lineBreak: false });
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
