// Owns one CSV cell (RFC 4180): quoting, and neutralising text a spreadsheet would run as a formula.
import type { ExportColumnType, ExportValue } from '@llm-analytics/core';

/** Text starting with these is a formula to Excel, LibreOffice and Google Sheets (CWE-1236). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A cell's text. Numbers are written as JavaScript prints them (no thousands separators, no rounding) and are
 * never neutralised, so -3 stays a number; text (and JSON, and lists) starting with a formula character gets a
 * leading apostrophe, which spreadsheets show as text and hide.
 */
export function csvCell(value: ExportValue, type: ExportColumnType): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = Array.isArray(value) ? JSON.stringify(value) : value;
  if (type !== 'timestamp' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
