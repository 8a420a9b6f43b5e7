// Owns the PDF report's fonts: a Unicode TTF (Debian's DejaVu Sans) embedded when present at runtime (characters
// it has no glyph for print as ?), else pdfkit's built-in Helvetica with text transliterated to WinAnsi.
import { existsSync } from 'node:fs';
import { openSync } from 'fontkit';

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Embedded TTF paths, or null for the built-in Helvetica. */
  files: { regular: string; bold: string } | null;
  /** Makes a string drawable in these fonts (identity for a Unicode TTF). */
  safe(text: string): string;
}

/** Where Debian's fonts-dejavu-core (a dependency of chromium, fontconfig and most desktops) installs them. */
export const DEJAVU = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

// Windows-1252's printable characters beyond Latin-1 (0x80–0x9F), which the standard fonts' WinAnsi encodes.
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = {
  '−': '-',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  Δ: 'D',
  '×': 'x',
  '→': '->',
};

/** NFKD and dropped combining marks first (é stays é; ő → o), then known look-alikes, else `?`. Never throws. */
export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) {
      out += ch;
      continue;
    }
    if (REPLACE[ch]) {
      out += REPLACE[ch];
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    out +=
      [...base].every((c) => (c.codePointAt(0) ?? 0) >= 0x20 && (c.codePointAt(0) ?? 0) <= 0x7e) && base
        ? base
        : code === 0x09 || code === 0x0a
          ? ' '
          : '?';
  }
  return out;
}

const isControl = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
};

/**
 * For an embedded TTF: characters it has a glyph for stay; the rest become their NFKD base letters when the
 * font has those, else `?` (a glyph the font lacks would otherwise vanish from the page and its text layer).
 */
function glyphSafe(has: (cp: number) => boolean): (text: string) => string {
  const ok = (c: string) => has(c.codePointAt(0) ?? 0);
  return (text) => {
    let out = '';
    for (const ch of text) {
      if (isControl(ch)) out += ' ';
      else if (ok(ch)) out += ch;
      else {
        const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
        out += base && base !== ch && [...base].every(ok) ? base : '?';
      }
    }
    return out;
  };
}

/** DejaVu when both files exist and open as fonts (`paths` for tests), else Helvetica with transliteration. */
export function pdfFonts(paths: { regular: string; bold: string } | null = DEJAVU): PdfFonts {
  if (paths && existsSync(paths.regular) && existsSync(paths.bold)) {
    try {
      const regular = openSync(paths.regular);
      const bold = openSync(paths.bold);
      if (!('hasGlyphForCodePoint' in regular) || !('hasGlyphForCodePoint' in bold))
        throw new Error('a collection');
      const has = (cp: number) => regular.hasGlyphForCodePoint(cp) && bold.hasGlyphForCodePoint(cp);
      return { regular: 'Report', bold: 'Report-Bold', files: paths, safe: glyphSafe(has) };
    } catch {
      // An unreadable or unexpected font file: the built-in font still produces a report.
    }
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', files: null, safe: winAnsiSafe };
}
