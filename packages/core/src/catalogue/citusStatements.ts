// Owns the Citus distribution of the PostgreSQL schema, from the catalogue: reference tables copied to every
// node, the workspace tables sharded by workspace_id in one colocation group (docs/scaling.md).
import { CATALOGUE } from './catalogue.ts';

/** The table the other workspace tables are colocated with: the largest, so its shards set the layout. */
const ANCHOR = 'messages';

/** The statements that distribute a migrated schema, in the order they must run. */
export function citusStatements(): string[] {
  const reference = CATALOGUE.filter((t) => t.distribution === 'reference');
  const distributed = CATALOGUE.filter((t) => t.distribution === 'workspace');
  const rest = distributed.filter((t) => t.name !== ANCHOR);
  return [
    ...reference.map((t) => `SELECT create_reference_table('${t.name}');`),
    `SELECT create_distributed_table('${ANCHOR}', 'workspace_id');`,
    ...rest.map(
      (t) => `SELECT create_distributed_table('${t.name}', 'workspace_id', colocate_with => '${ANCHOR}');`,
    ),
  ];
}
