// Owns warming the dashboard's code-split chunks (section grid, renderers, ECharts) while data loads.
import { LazySectionBody } from './LazySectionBody';

export function preloadSections(): void {
  void LazySectionBody.preload()
    .then(() => import('../charts/renderers'))
    .then(({ RENDERERS }) => {
      for (const c of Object.values(RENDERERS)) void c.preload();
    });
}
