// Owns the latest schema's DDL, rendered from the catalogue for one engine (types through the dialect).
import { getDialect } from '../query/dialect/getDialect.ts';
import type { DialectName } from '../query/dialect/SqlDialect.ts';
import { CATALOGUE } from './catalogue.ts';
import type { TableDef } from './TableDef.ts';
import { type PhysicalColumn, tableColumns } from './tableColumns.ts';

/** One column's definition as in CREATE TABLE or ALTER TABLE … ADD COLUMN. */
export function columnDdl(c: PhysicalColumn, engine: DialectName): string {
  const d = getDialect(engine);
  return [
    c.name,
    d.columnType(c.type),
    c.compression ? d.compression(c.compression) : '',
    c.nullable ? '' : 'NOT NULL',
    c.default === undefined ? '' : `DEFAULT ${c.default}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** `t`'s key index and further indexes, as [name, columns, unique]. */
export function tableIndexes(t: TableDef): [name: string, columns: readonly string[], unique: boolean][] {
  return [
    [t.key.index, t.key.columns, t.key.unique],
    ...Object.entries(t.indexes ?? {}).map(([n, i]): [string, readonly string[], boolean] => [
      n,
      i.columns,
      i.unique === true,
    ]),
  ];
}

/** CREATE INDEX statements of `t`'s indexes, on engines that keep indexes. */
export function indexDdl(t: TableDef, engine: DialectName): string[] {
  if (!getDialect(engine).indexes) return [];
  return tableIndexes(t).map(
    ([name, cols, unique]) =>
      `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${t.name} (${cols.join(', ')})`,
  );
}

/** CREATE TABLE and CREATE INDEX statements of table `t`. */
export function tableDdl(t: TableDef, engine: DialectName): string[] {
  const cols = tableColumns(t, engine).map((c) => columnDdl(c, engine));
  return [`CREATE TABLE ${t.name} (${cols.join(', ')})`, ...indexDdl(t, engine)];
}

/** The whole latest schema on `engine`: what running every migration on an empty database leaves. */
export function schemaDdl(engine: DialectName): string[] {
  return CATALOGUE.flatMap((t) => tableDdl(t, engine));
}
