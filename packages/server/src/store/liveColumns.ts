// Owns reading the live schema's columns (information_schema, the same on both engines) for columnSteps.
import type { LiveColumn } from './columnSteps.ts';
import type { Store } from './Store.ts';

export function liveColumns(store: Store): Promise<LiveColumn[]> {
  return store.query<LiveColumn & Record<string, unknown>>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
     ORDER BY table_name, ordinal_position`,
  );
}
