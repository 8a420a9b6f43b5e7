// Owns reading one page of judgment examples per failure tag, over the compiler's evaluation rows.
import type { CompiledStatement, JudgmentExample, SqlValue } from '@llm-analytics/core';
import type { Db } from '../../store/Store.ts';

type ExampleRow = Omit<JudgmentExample, 'content' | 'conversation_id'> & { tag: string };

/**
 * `rows` is core's compileEvaluationRows statement; its parameters come first. Rows numbered per tag, newest
 * message first; the page is rows (page-1)·size+1 … page·size of each tag (of `tag` alone when given).
 */
export async function listExamplePage(
  db: Db,
  rows: Pick<CompiledStatement, 'sql' | 'params'>,
  page: { tag?: string; page: number; size: number },
): Promise<ExampleRow[]> {
  const values: SqlValue[] = [...rows.params];
  const p = (v: SqlValue) => {
    values.push(v);
    return `$${values.length}`;
  };
  // The rows are evaluations whose message has arrived (an evaluation without one is not counted either).
  const tagWhere = page.tag !== undefined ? `WHERE t.tag = ${p(page.tag)}` : '';
  const offset = (page.page - 1) * page.size;
  // unnest in the select list of a derived table: same syntax on both engines, one row per (evaluation, tag).
  const sql = `SELECT x.tag, x.evaluation_id, x.message_id, x.model_id, x.rating, x.success, x.evaluator_id,
      x.failure_tags, x.created_at, x.evaluated_at
    FROM (
      SELECT t.*, row_number() OVER (PARTITION BY t.tag ORDER BY t.created_at DESC, t.evaluation_id) AS rn
      FROM (
        SELECT unnest(e.failure_tags) AS tag, e.evaluation_id, e.message_id, e.model_id, e.rating, e.success,
          e.evaluator_id, e.failure_tags, e.created_at, e.evaluated_at
        FROM (${rows.sql}) e
        WHERE e.failure_tags IS NOT NULL
      ) t ${tagWhere}
    ) x
    WHERE x.rn > ${p(offset)} AND x.rn <= ${p(offset + page.size)}
    ORDER BY x.tag, x.rn`;
  return db.query<ExampleRow & Record<string, unknown>>(sql, values);
}
