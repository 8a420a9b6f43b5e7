// Owns the props every widget renderer receives: its declaration, the rows it shows and the whole reply.
import type { QueryResult, Row } from '../api/types';
import type { WidgetDef } from '../widgets/WidgetDef';

export interface ChartProps {
  entry: WidgetDef;
  rows: Row[];
  result: QueryResult | undefined;
}
