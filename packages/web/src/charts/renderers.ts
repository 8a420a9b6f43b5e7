// Owns the component behind each renderer key a widget declaration names (each code-split into its own chunk).
import { type LazyComponent, lazyComponent } from '../ui/lazyComponent';
import type { RendererKey } from '../widgets/WidgetDef';
import type { ChartProps } from './ChartProps';
import { ChartSkeleton } from './ChartSkeleton';

export const RENDERERS: Record<RendererKey, LazyComponent<ChartProps>> = {
  table: lazyComponent<ChartProps>(
    () => import('../renderers/SortableTable').then((m) => m.SortableTable),
    ChartSkeleton,
  ),
  sessions: lazyComponent<ChartProps>(
    () => import('../renderers/SessionComparisonTable').then((m) => m.SessionComparisonTable),
    ChartSkeleton,
  ),
  timeseries: lazyComponent<ChartProps>(
    () => import('../renderers/TimeSeriesChart').then((m) => m.TimeSeriesChart),
    ChartSkeleton,
  ),
  bars: lazyComponent<ChartProps>(
    () => import('../renderers/CategoryChart').then((m) => m.CategoryChart),
    ChartSkeleton,
  ),
  pivot: lazyComponent<ChartProps>(
    () => import('../renderers/PivotChart').then((m) => m.PivotChart),
    ChartSkeleton,
  ),
  training: lazyComponent<ChartProps>(
    () => import('../renderers/TrainingEffectiveness').then((m) => m.TrainingEffectiveness),
    ChartSkeleton,
  ),
  judgments: lazyComponent<ChartProps>(
    () => import('../renderers/JudgmentsTable').then((m) => m.JudgmentsTable),
    ChartSkeleton,
  ),
  benchmarks: lazyComponent<ChartProps>(
    () => import('../renderers/BenchmarkAnalysisChart').then((m) => m.BenchmarkAnalysisChart),
    ChartSkeleton,
  ),
  activity: lazyComponent<ChartProps>(
    () => import('../renderers/ActivityFeed').then((m) => m.ActivityFeed),
    ChartSkeleton,
  ),
  anomalies: lazyComponent<ChartProps>(
    () => import('../anomalies/AnomalyFeed').then((m) => m.AnomalyFeed),
    ChartSkeleton,
  ),
};
