// Owns the link from a chart card to the chart drawn inside it: the renderer registers how to picture itself.
import { createContext } from 'react';

/** A drawn chart's pictures: a PNG data URL and an SVG document. */
export interface ChartImage {
  png(): string;
  svg(): string;
}

/** Set by ChartCard; the ECharts mount calls it with its pictures on init and with null on unmount. */
export const ChartImageSlot = createContext<((image: ChartImage | null) => void) | null>(null);
