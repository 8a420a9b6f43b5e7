// The report's text helpers: filters and ranges in words, numbers by unit, and PDF text made drawable by
// either font (never throwing, whatever the input).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFilter, describeRange } from '../../src/exports/report/describeFilter.ts';
import { formatChange, formatDelta, formatValue } from '../../src/exports/report/formatValue.ts';
import { DEJAVU, pdfFonts, winAnsiSafe } from '../../src/exports/report/pdf/pdfFonts.ts';
import { changeTone } from '../../src/exports/report/renderReportHtml.ts';

test('filters and ranges in words', () => {
  assert.equal(describeFilter(undefined), 'none');
  assert.equal(describeFilter(['eq', 'model', 'gpt-4o']), 'model = "gpt-4o"');
  assert.equal(
    describeFilter([
      'and',
      [
        ['in', 'provider', ['openai', 'anthropic']],
        [
          'or',
          [
            ['gte', 'latency', 100],
            ['not', ['eq', 'success', true]],
          ],
        ],
      ],
    ]),
    'provider in ["openai", "anthropic"] AND (latency ≥ 100 OR NOT success = true)',
  );
  assert.equal(describeFilter(['contains', 'model', 'a"b']), 'model contains "a\\"b"');
  assert.equal(describeRange('7d'), 'last 7 days');
  assert.equal(describeRange({ from: '2025-01-01', to: '2025-01-31' }), '2025-01-01 – 2025-01-31');
});

test('numbers by unit, changes signed, tone by good direction', () => {
  assert.equal(formatValue(null, 'usd'), '—');
  assert.equal(formatValue(1234.5, 'usd'), '$1234.50');
  assert.equal(formatValue(0.00083, 'usd'), '$0.00083');
  assert.equal(formatValue(12_345, 'ms'), '12.3 s');
  assert.equal(formatValue(950, 'ms'), '950 ms');
  assert.equal(formatValue(48.81, 'percent'), '48.8%');
  assert.equal(formatValue(609_400, 'tokens'), '609.4K');
  assert.equal(formatChange(12.345), '+12.3%');
  assert.equal(formatChange(-3), '−3.0%');
  assert.equal(formatChange(null), '—');
  assert.equal(formatDelta(5.71, 'percent'), '+5.7 pt');
  assert.equal(formatDelta(-863, 'ms'), '−863 ms');
  assert.equal(changeTone({ better: 'down', change_pct: 10 }), 'bad');
  assert.equal(changeTone({ better: 'up', change_pct: 10 }), 'good');
  assert.equal(changeTone({ better: 'none', change_pct: 10 }), 'neutral');
});

test('WinAnsi transliteration keeps Latin-1 and CP1252, strips accents it cannot encode, replaces the rest', () => {
  assert.equal(winAnsiSafe('modèle-ß “quoted” – €5 …'), 'modèle-ß “quoted” – €5 …');
  // ó is Latin-1 and stays; ź, ő, ş decompose to their base letters; Ł has none and becomes ?.
  assert.equal(winAnsiSafe('Łódź ő ş'), '?ódz o s');
  assert.equal(winAnsiSafe('日本語😀'), '????');
  assert.equal(winAnsiSafe('a\tb\nc\u0000d'), 'a b c?d');
  assert.equal(winAnsiSafe('Δ −5 ≥ 3'), 'D -5 >= 3');
  assert.equal(winAnsiSafe('\ud800 lone'), '? lone');
});

test('the embedded font keeps what it can draw and marks what it cannot; a missing font falls back', () => {
  const f = pdfFonts();
  assert.ok(f.files, 'DejaVu is installed here');
  assert.equal(f.safe('modèle-ß-Ωμέγα-Ж-😀'), 'modèle-ß-Ωμέγα-Ж-😀');
  assert.equal(f.safe('日本語'), '???');
  assert.equal(f.safe('x\ny'), 'x y');
  const none = pdfFonts({ regular: '/nonexistent/a.ttf', bold: DEJAVU.bold });
  assert.equal(none.files, null);
  assert.equal(none.regular, 'Helvetica');
  const notAFont = pdfFonts({ regular: '/etc/hostname', bold: '/etc/hostname' });
  assert.equal(notAFont.files, null, 'a file that is not a font falls back too');
});
