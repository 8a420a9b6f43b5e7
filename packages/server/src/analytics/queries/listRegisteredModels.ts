// Owns reading a workspace's model registry (the models table) for the model comparison.
import type { Db } from '../../store/Store.ts';

interface RegisteredModel {
  model_id: string;
  name: string | null;
  provider: string | null;
  training_method: string | null;
  base_model: string | null;
}

export async function listRegisteredModels(db: Db, workspaceId: string): Promise<RegisteredModel[]> {
  return db.query<RegisteredModel & Record<string, unknown>>(
    'SELECT model_id, name, provider, training_method, base_model FROM models WHERE workspace_id = $1',
    [workspaceId],
  );
}
