// Owns the shape of a dashboard widget declaration (and of a KPI card): its query and how it renders, as data.
// No React and no browser API: the server's bench and browser tests import these declarations too.
import type { AnalyticsQuery, DateRange, DisplayUnit, Filter } from '@llm-analytics/core';

export type Unit = DisplayUnit;
export type { KpiDef } from '@llm-analytics/core';

export type SectionId = 'model' | 'quality' | 'performance' | 'cost' | 'operations' | 'activity';

/** What a widget's query depends on: the header's range and comparison switch, the filter panel's tree. */
export interface WidgetQueryState {
  dateRange: DateRange;
  filter: Filter | undefined;
  compare: boolean;
}

export interface SeriesDef {
  metric: string;
  label: string;
}

export interface ColumnDef {
  key: string;
  label: string;
  unit?: Unit;
  /** Makes a cell a link: the page that shows more about its value (e.g. a model's traces). */
  href?: (value: string) => string;
}

/**
 * How a widget renders. `kind` is the renderer key: the dashboard maps each kind to one component, which reads
 * the rest of the configuration. The last four read their rows themselves and need no configuration.
 */
export type ViewConfig =
  | { kind: 'table'; columns: ColumnDef[]; sortBy: string }
  /** A table of A/B sessions: the columns, plus each session's result against its experiment's control. */
  | { kind: 'sessions'; columns: ColumnDef[]; sortBy: string }
  | { kind: 'timeseries'; series: SeriesDef[]; unit: Unit; style: 'line' | 'area' | 'bar'; stack?: boolean }
  | {
      kind: 'bars';
      category: string;
      series: SeriesDef[];
      unit: Unit;
      secondary?: SeriesDef & { unit: Unit };
    }
  | { kind: 'pivot'; split: string; metric: string; unit: Unit }
  | { kind: 'training' }
  | { kind: 'judgments' }
  /** Benchmark analysis: reads GET /api/analytics/benchmark-analysis itself. */
  | { kind: 'benchmarks' }
  | { kind: 'activity' }
  | { kind: 'anomalies' };

export type RendererKey = ViewConfig['kind'];

export interface WidgetDef {
  id: string;
  section: SectionId;
  title: string;
  description: string;
  /** The one AnalyticsQuery behind the widget; null for widgets that read a seed endpoint themselves. */
  query: ((state: WidgetQueryState) => AnalyticsQuery) | null;
  /** Keeps only the rows the widget shows (e.g. drops the "no tag" group). */
  rowFilter?: (row: Record<string, unknown>) => boolean;
  view: ViewConfig;
  /** What is missing when the widget is empty, completed with the range and filters: "No tool calls …". */
  empty: string;
  wide?: boolean;
}
