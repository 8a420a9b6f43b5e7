// Owns the drawing primitives a chart layout is made of: one geometry, drawn as SVG (HTML) or by pdfkit (PDF).

export type Anchor = 'start' | 'middle' | 'end';

export type Shape =
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      stroke: string;
      width: number;
      dash?: number;
      role?: string;
    }
  | { kind: 'polyline'; points: [number, number][]; stroke: string; width: number; role?: string }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; role?: string; title?: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; role?: string; title?: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: Anchor;
      fill: string;
      bold?: boolean;
      role?: string;
    };

/** A laid-out chart: its size, an accessible label and the shapes in paint order. */
export interface ChartLayout {
  width: number;
  height: number;
  label: string;
  shapes: Shape[];
}
