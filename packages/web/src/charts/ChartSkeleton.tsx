// Owns the placeholder shown while a chart's data or code is loading.
export function ChartSkeleton() {
  return <div className="skeleton chart-skeleton" role="progressbar" aria-label="Loading chart" />;
}
