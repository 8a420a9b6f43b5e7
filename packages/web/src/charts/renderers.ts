// Owns the code-split renderer components the registry entries point at (each its own chunk).
import { lazyComponent } from '../ui/lazyComponent';
import type { ChartProps } from './ChartEntry';
import { ChartSkeleton } from './ChartSkeleton';

export const SortableTable = lazyComponent<ChartProps>(
  () => import('../renderers/SortableTable').then((m) => m.SortableTable),
  ChartSkeleton,
);
export const TimeSeriesChart = lazyComponent<ChartProps>(
  () => import('../renderers/TimeSeriesChart').then((m) => m.TimeSeriesChart),
  ChartSkeleton,
);
export const CategoryChart = lazyComponent<ChartProps>(
  () => import('../renderers/CategoryChart').then((m) => m.CategoryChart),
  ChartSkeleton,
);
export const PivotChart = lazyComponent<ChartProps>(
  () => import('../renderers/PivotChart').then((m) => m.PivotChart),
  ChartSkeleton,
);
export const TrainingEffectiveness = lazyComponent<ChartProps>(
  () => import('../renderers/TrainingEffectiveness').then((m) => m.TrainingEffectiveness),
  ChartSkeleton,
);
export const JudgmentsTable = lazyComponent<ChartProps>(
  () => import('../renderers/JudgmentsTable').then((m) => m.JudgmentsTable),
  ChartSkeleton,
);
export const ActivityFeed = lazyComponent<ChartProps>(
  () => import('../renderers/ActivityFeed').then((m) => m.ActivityFeed),
  ChartSkeleton,
);
