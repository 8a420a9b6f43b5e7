// Owns the `models` table: a workspace's model descriptions, written by ingest, joined onto parts by model code.
import type { TableDef } from './TableDef.ts';

export const models = {
  name: 'models',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'model_id'], index: 'models_pk', unique: true },
  columns: {
    workspace_id: { type: 'text', ingest: false },
    model_id: { type: 'text', coded: 'model_code' },
    name: { type: 'text', nullable: true },
    provider: { type: 'text', nullable: true },
    training_method: { type: 'text', nullable: true, coded: 'training_method_code', joined: true },
    base_model: { type: 'text', nullable: true, coded: 'base_model_code', joined: true },
    training_dataset: { type: 'json', nullable: true },
    evaluation_metrics: { type: 'json', nullable: true },
    metadata: { type: 'json', nullable: true },
    updated_at: { type: 'timestamp', ingest: false },
  },
} as const satisfies TableDef;
