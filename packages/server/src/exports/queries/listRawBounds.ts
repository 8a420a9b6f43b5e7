// Owns reading where the pages of a raw table's kept rows end (complete exports), and how many rows it keeps.
import type { CompiledStatement, RawKey } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

export interface RawBounds {
  /** The key of each page's last row, in order (a page ends there, inclusive). */
  ends: RawKey[];
  total: number;
}

/** `statement` is core's compileRawBounds. */
export async function listRawBounds(
  db: Db,
  statement: Pick<CompiledStatement, 'sql' | 'params'>,
): Promise<RawBounds> {
  const rows = await db.query(statement.sql, statement.params);
  const ends: RawKey[] = [];
  let last = '';
  for (const r of rows) {
    const key = Object.keys(r)
      .filter((k) => /^k\d+$/.test(k))
      .sort()
      .map((k) => String(r[k]));
    // Rows sharing a key (a message's tool calls) end a page together: a repeated end adds no page.
    const text = JSON.stringify(key);
    if (text !== last) ends.push(key);
    last = text;
  }
  return { ends, total: rows.length ? Number(rows[0].total) : 0 };
}
