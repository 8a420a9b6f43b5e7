// Owns warming the dashboard's code-split chunks (section grid, renderers, ECharts) while data loads.
import { LazySectionBody } from './LazySectionBody';

export function preloadSections(): void {
  void LazySectionBody.preload()
    .then(() => import('../charts/registry'))
    .then(({ CHARTS }) => {
      for (const c of CHARTS) void c.component.preload();
    });
}
