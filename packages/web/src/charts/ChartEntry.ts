// Owns the shape of a chart registry entry and of the view configurations its renderer reads.
import type { AnalyticsQuery, QueryResult, Row } from '../api/types';
import type { QueryContext } from '../state/queryContext';
import type { Unit } from '../ui/format';
import type { LazyComponent } from '../ui/lazyComponent';

export type SectionId = 'model' | 'quality' | 'performance' | 'cost' | 'operations' | 'activity';

export interface SeriesDef {
  metric: string;
  label: string;
}

export interface ColumnDef {
  key: string;
  label: string;
  unit?: Unit;
}

export type ViewConfig =
  | { kind: 'table'; columns: ColumnDef[]; sortBy: string }
  | { kind: 'timeseries'; series: SeriesDef[]; unit: Unit; style: 'line' | 'area' | 'bar'; stack?: boolean }
  | {
      kind: 'bars';
      category: string;
      series: SeriesDef[];
      unit: Unit;
      secondary?: SeriesDef & { unit: Unit };
    }
  | { kind: 'pivot'; split: string; metric: string; unit: Unit }
  | { kind: 'custom' };

export interface ChartProps {
  entry: ChartEntry;
  rows: Row[];
  result: QueryResult | undefined;
}

export interface ChartEntry {
  id: string;
  section: SectionId;
  title: string;
  description: string;
  /** The one AnalyticsQuery behind the chart; null for widgets that read a seed endpoint themselves. */
  query: ((ctx: QueryContext) => AnalyticsQuery) | null;
  /** Keeps only the rows the chart shows (e.g. drops the "no tag" group). */
  rowFilter?: (row: Row) => boolean;
  view: ViewConfig;
  component: LazyComponent<ChartProps>;
  /** What is missing when the chart is empty, completed with the range and filters: "No tool calls …". */
  empty: string;
  wide?: boolean;
}
