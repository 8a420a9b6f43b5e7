// Owns the shape of a catalogue entry (one table: columns, key, distribution) and the row types derived from it.
import type { DialectName } from '../query/dialect/SqlDialect.ts';

/** Engine-neutral column types; each dialect renders them (SqlDialect.columnType). */
export type LogicalType =
  | 'text'
  | 'integer'
  | 'bigint'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'json'
  | 'text[]';

export interface ColumnDef {
  readonly type: LogicalType;
  readonly nullable?: boolean;
  /** Name of the value-coded integer companion column (valueCodes.ts): analytics group on it. */
  readonly coded?: string;
  /** Copied onto the children: conversation columns onto messages, message columns as `m_<col>` onto facts. */
  readonly carried?: boolean;
  /** Read from the ingest record of the same name (false: set by the server, e.g. workspace_id). */
  readonly ingest?: boolean;
  /** Message columns only message-grain metrics read (not carried onto evaluations and tool calls). */
  readonly measure?: boolean;
  /** Model attributes the compiler joins onto a part through `model_code`. */
  readonly joined?: boolean;
  /** A physical column of one engine only (DuckDB's workspace key and commit numbers). */
  readonly engine?: DialectName;
  /** Filled by the writer, not from the row: the row's workspace key, or the commit's number. */
  readonly writer?: 'workspaceKey' | 'commitSeq';
  /** DuckDB storage hint (see migration 4). */
  readonly compression?: 'dictionary';
  /** SQL literal of the column default. */
  readonly default?: string;
}

export interface IndexDef {
  readonly columns: readonly string[];
  readonly unique?: boolean;
}

export interface TableDef {
  readonly name: string;
  /** 'workspace': distributed by workspace_id (Citus); 'reference': a global table copied to every node. */
  readonly distribution: 'workspace' | 'reference';
  /**
   * The row's identity and its PostgreSQL index. Ingest upserts on a unique key; a non-unique key names the
   * rows written and replaced together (a message's tool calls).
   */
  readonly key: { readonly columns: readonly string[]; readonly index: string; readonly unique: boolean };
  /** Further PostgreSQL indexes (DuckDB keeps none: see migrations.ts). */
  readonly indexes?: Readonly<Record<string, IndexDef>>;
  /** The parent whose carried columns this table holds: conversations (as is) or messages (as `m_<col>`). */
  readonly carries?: 'conversations' | 'messages';
  readonly columns: Readonly<Record<string, ColumnDef>>;
}

type Cols<T extends TableDef> = T['columns'];
type TsType<L extends LogicalType> = L extends 'text' | 'json'
  ? string
  : L extends 'text[]'
    ? string[]
    : L extends 'boolean'
      ? boolean
      : number;
/** TypeScript value of a column in a row: timestamps as epoch ms, JSON as its text. */
export type ValueOf<C extends ColumnDef> = TsType<C['type']> | (C['nullable'] extends true ? null : never);

/** The row ingest builds for table T: its declared columns of both engines, without codes. */
export type RowOf<T extends TableDef> = {
  -readonly [K in keyof Cols<T> as Cols<T>[K] extends { engine: DialectName } ? never : K]: ValueOf<
    Cols<T>[K]
  >;
};
/**
 * A row of T as a store read returns it (an app table's queries read and write these): JSON columns as read —
 * text on DuckDB, parsed on PostgreSQL — the rest as `ValueOf`.
 */
export type StoredRowOf<T extends TableDef> = {
  -readonly [K in keyof Cols<T>]: Cols<T>[K]['type'] extends 'json' ? unknown : ValueOf<Cols<T>[K]>;
};
/** The code companions of T's coded columns. */
export type CodesOf<T extends TableDef> = {
  -readonly [K in keyof Cols<T> as Cols<T>[K] extends { coded: infer N extends string } ? N : never]:
    | number
    | null;
};
/** The columns T's children carry, with the codes of the coded ones. */
export type CarriedOf<T extends TableDef> = {
  -readonly [K in keyof Cols<T> as Cols<T>[K] extends { carried: true } ? K : never]: ValueOf<Cols<T>[K]>;
} & {
  -readonly [K in keyof Cols<T> as Cols<T>[K] extends { carried: true; coded: infer N extends string }
    ? N
    : never]: number | null;
};
/** Names of T's columns flagged F. */
export type FlaggedColumns<T extends TableDef, F extends keyof ColumnDef> = {
  [K in keyof Cols<T>]: Cols<T>[K] extends { [P in F]: true } ? K : never;
}[keyof Cols<T>] &
  string;
