// Owns reading the (provider, model) pairs of a workspace's messages: the pairs the catalog prices.
import type { FactScope } from '../../store/FactScope.ts';
import type { Db } from '../../store/Store.ts';

/** On the value codes: distinct integer pairs, then their text (a scan of every message, at cold start). */
export async function listModelPairs(
  db: Db,
  workspaceId: string,
  ws: FactScope,
): Promise<{ provider: string | null; model_id: string }[]> {
  return db.query<{ provider: string | null; model_id: string }>(
    `SELECT vp.value AS provider, vm.value AS model_id
         FROM (SELECT DISTINCT provider_code, model_code FROM messages
               WHERE ${ws.column} = $2 AND model_code IS NOT NULL) p
         JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = p.model_code
         LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = p.provider_code`,
    [workspaceId, ws.value],
  );
}
