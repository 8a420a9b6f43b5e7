// Owns a table's physical columns on one engine: declared, code companions, carried context, writer-filled.
import type { DialectName } from '../query/dialect/SqlDialect.ts';
import { CONVERSATION_CONTEXT, contextType, MESSAGE_CONTEXT } from './carriedContext.ts';
import type { ColumnDef, TableDef } from './TableDef.ts';

export interface PhysicalColumn extends ColumnDef {
  readonly name: string;
  readonly nullable: boolean;
}

/** The columns of `t` as they stand on `engine`, in the order migrations created them. */
export function tableColumns(t: TableDef, engine: DialectName): PhysicalColumn[] {
  const declared = Object.entries(t.columns)
    .filter(([, c]) => c.engine === undefined || c.engine === engine)
    .map(([name, c]): PhysicalColumn => ({ ...c, name, nullable: c.nullable === true }));
  const codes = declared.flatMap((c): PhysicalColumn[] =>
    c.coded ? [{ name: c.coded, type: 'integer', nullable: true }] : [],
  );
  const carried: PhysicalColumn[] =
    t.carries === 'conversations'
      ? CONVERSATION_CONTEXT.map((c) => ({ name: c, type: contextType(c), nullable: true }))
      : t.carries === 'messages'
        ? MESSAGE_CONTEXT.map((c) => ({ name: `m_${c}`, type: contextType(c), nullable: true }))
        : [];
  return [...declared.filter((c) => !c.writer), ...codes, ...carried, ...declared.filter((c) => c.writer)];
}

/** `t`'s value-coded columns: [text column, code column] pairs. */
export function codedPairs(t: TableDef): [column: string, code: string][] {
  return Object.entries(t.columns).flatMap(([n, c]): [string, string][] => (c.coded ? [[n, c.coded]] : []));
}

/** `t`'s declared column names in declaration order: what an app table's queries select and insert. */
export function columnNames<T extends TableDef>(t: T): (keyof T['columns'] & string)[] {
  return Object.keys(t.columns) as (keyof T['columns'] & string)[];
}
