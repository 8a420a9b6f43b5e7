// Owns the PDF report's flow: the current y on the page, page breaks before blocks that would not fit, and
// the page footer (workspace, generated-at, page number).
import type { PdfFonts } from './pdfFonts.ts';

export const PAGE = { width: 595.28, height: 841.89, margin: 40 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 14;

export class PdfCursor {
  y = PAGE.margin;
  pages = 1;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: PdfFonts,
    private readonly footer: string,
  ) {
    this.drawFooter();
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage();
    this.pages++;
    this.y = PAGE.margin;
    this.drawFooter();
  }

  /** Text wrapped to the content width; returns nothing, moves the cursor below it. */
  text(s: string, opts: { size?: number; bold?: boolean; color?: string; gap?: number } = {}): void {
    const { doc, fonts } = this;
    const size = opts.size ?? 10;
    const text = fonts.safe(s);
    doc.font(opts.bold ? fonts.bold : fonts.regular).fontSize(size);
    const h = doc.heightOfString(text, { width: CONTENT_WIDTH });
    this.ensure(h);
    doc.fillColor(opts.color ?? '#1f2937').text(text, PAGE.margin, this.y, { width: CONTENT_WIDTH });
    this.y += h + (opts.gap ?? 4);
  }

  heading(s: string): void {
    this.ensure(60);
    this.y += 10;
    this.text(s, { size: 14, bold: true, gap: 2 });
    this.doc
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.margin + CONTENT_WIDTH, this.y)
      .lineWidth(0.5)
      .stroke('#d1d5db');
    this.y += 8;
  }

  private drawFooter(): void {
    const { doc, fonts } = this;
    const text = fonts.safe(`${this.footer} · page ${this.pages}`);
    doc.font(fonts.regular).fontSize(7).fillColor('#6b7280');
    // Written at a fixed spot below the flow; lineBreak off so pdfkit does not start a page of its own.
    doc.text(text, PAGE.margin, PAGE.height - PAGE.margin + 6, { lineBreak: false, width: CONTENT_WIDTH });
  }
}
