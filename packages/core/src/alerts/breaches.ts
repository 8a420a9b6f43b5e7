// Owns the threshold test of a threshold rule: whether a metric value crosses it (no value never does).
import type { AlertComparator } from '../wire/alerts.ts';

export function breaches(value: number | null, comparator: AlertComparator, threshold: number): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  switch (comparator) {
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
  }
}
