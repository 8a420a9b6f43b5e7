// Owns the model-registry dimensions (training method, base model), joined from `models` by model_id.
import type { RegistrySubject } from './types.ts';

export const modelsSubject: RegistrySubject = {
  // Where the subject is declared, for the links of docs/metrics.md.
  module: import.meta.url,
  partials: [],
  metrics: [],
  dimensions: [
    {
      id: 'training_method',
      grain: 'message',
      sql: (x) => `${x.m}.training_method`,
      columns: ['training_method'],
      code: 'training_method_code',
      type: 'string',
      unit: 'none',
      description:
        "The `training_method` (base, sft, dpo, rlhf, other) of the message's model in the model registry; null when the model is not registered.",
      groupable: true,
    },
    {
      id: 'base_model',
      grain: 'message',
      sql: (x) => `${x.m}.base_model`,
      columns: ['base_model'],
      code: 'base_model_code',
      type: 'string',
      unit: 'none',
      description: "The `base_model` of the message's model in the model registry.",
      groupable: true,
    },
  ],
};
