// Owns the one ECharts mount: tree-shaken echarts/core with only the charts and components used, resized
// with its container. Imported only by lazily loaded renderers, so ECharts stays out of the initial bundle.
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useContext, useEffect, useRef } from 'react';
import { ChartImageSlot } from '../exports/ChartImageSlot';
import { PALETTE } from './palette';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export function EChart({
  option,
  label,
  height = 260,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const registerImage = useContext(ChartImageSlot);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    registerImage?.({
      png: () => c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
      svg: () => svgOf(c),
    });
    return () => {
      registerImage?.(null);
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [registerImage]);
  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, animation: false, ...option }, { notMerge: true });
  }, [option]);
  return (
    <div ref={el} className="echart" role="img" aria-label={label} style={{ height }} data-state="ready" />
  );
}

/** The chart as an SVG document: the same option drawn once by ECharts' SVG renderer, off screen. */
function svgOf(c: echarts.ECharts): string {
  const svg = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: c.getWidth(),
    height: c.getHeight(),
  });
  try {
    svg.setOption({ ...(c.getOption() as EChartsCoreOption), animation: false, backgroundColor: '#fff' });
    return svg.renderToSVGString();
  } finally {
    svg.dispose();
  }
}
