// Owns serialising a chart layout as an inline <svg> element: every text escaped, numbers as laid out.
import { escapeHtml } from '../escapeHtml.ts';
import type { ChartLayout, Shape } from './Shape.ts';

const cls = (role: string | undefined) => (role ? ` class="${role}"` : '');
const tip = (title: string | undefined) => (title ? `<title>${escapeHtml(title)}</title>` : '');

function shape(s: Shape): string {
  switch (s.kind) {
    case 'line':
      return `<line${cls(s.role)} x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'polyline':
      return `<polyline${cls(s.role)} points="${s.points.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}" stroke-linejoin="round"/>`;
    case 'rect':
      return `<rect${cls(s.role)} x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" fill="${s.fill}">${tip(s.title)}</rect>`;
    case 'circle':
      return `<circle${cls(s.role)} cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}">${tip(s.title)}</circle>`;
    case 'text':
      return `<text${cls(s.role)} x="${s.x}" y="${s.y}" font-size="${s.size}" text-anchor="${s.anchor}" fill="${s.fill}"${s.bold ? ' font-weight="bold"' : ''}>${escapeHtml(s.text)}</text>`;
  }
}

/** `kind` names the chart for readers and tests (`data-chart="cost"`). */
export function toSvg(layout: ChartLayout, kind: string): string {
  const label = escapeHtml(layout.label);
  return `<svg xmlns="http://www.w3.org/2000/svg" data-chart="${escapeHtml(kind)}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${label}"><title>${label}</title>${layout.shapes.map(shape).join('')}</svg>`;
}
