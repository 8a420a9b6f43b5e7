// Owns the chart registry: every dashboard widget as data (id, section, title, its AnalyticsQuery, renderer).
import type { ChartEntry } from './ChartEntry';
import { modelCharts } from './defs/modelCharts';
import { operationsCharts } from './defs/operationsCharts';
import { performanceCostCharts } from './defs/performanceCostCharts';
import { qualityCharts } from './defs/qualityCharts';

export const CHARTS: ChartEntry[] = [
  ...modelCharts,
  ...qualityCharts,
  ...performanceCostCharts,
  ...operationsCharts,
];
