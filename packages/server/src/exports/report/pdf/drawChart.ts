// Owns drawing a chart layout into a PDF page as vector graphics (the same shapes the HTML's SVG is made of).
import type { ChartLayout } from '../svg/Shape.ts';
import type { PdfFonts } from './pdfFonts.ts';

/** Draws `layout` with its top-left at (x, y), scaled to `width`; returns the height used. */
export function drawChart(
  doc: PDFKit.PDFDocument,
  layout: ChartLayout,
  fonts: PdfFonts,
  x: number,
  y: number,
  width = layout.width,
): number {
  const k = width / layout.width;
  doc.save();
  doc.translate(x, y).scale(k);
  for (const s of layout.shapes) {
    switch (s.kind) {
      case 'line':
        doc.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).lineWidth(s.width);
        if (s.dash) doc.dash(s.dash, { space: s.dash });
        doc.stroke(s.stroke);
        if (s.dash) doc.undash();
        break;
      case 'polyline': {
        const [first, ...rest] = s.points;
        doc.moveTo(first[0], first[1]);
        for (const [px, py] of rest) doc.lineTo(px, py);
        doc.lineWidth(s.width).lineJoin('round').stroke(s.stroke);
        break;
      }
      case 'rect':
        if (s.w > 0 && s.h > 0) doc.rect(s.x, s.y, s.w, s.h).fill(s.fill);
        break;
      case 'circle':
        doc.circle(s.cx, s.cy, s.r).fill(s.fill);
        break;
      case 'text': {
        const text = fonts.safe(s.text);
        doc
          .font(s.bold ? fonts.bold : fonts.regular)
          .fontSize(s.size)
          .fillColor(s.fill);
        const w = doc.widthOfString(text);
        const left = s.anchor === 'start' ? s.x : s.anchor === 'middle' ? s.x - w / 2 : s.x - w;
        // SVG places text by its baseline, pdfkit by its top: lift by the ascent (~0.76 em for sans faces).
        doc.text(text, left, s.y - s.size * 0.76, { lineBreak: false });
        break;
      }
    }
  }
  doc.restore();
  return layout.height * k;
}
