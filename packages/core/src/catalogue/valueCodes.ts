// Owns the `value_codes` table: per workspace, the integer standing for each coded text value.
import type { TableDef } from './TableDef.ts';

export const valueCodes = {
  name: 'value_codes',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'value'], index: 'value_codes_value', unique: true },
  indexes: { value_codes_code: { columns: ['workspace_id', 'code'], unique: true } },
  columns: {
    workspace_id: { type: 'text' },
    code: { type: 'integer' },
    value: { type: 'text' },
  },
} as const satisfies TableDef;
