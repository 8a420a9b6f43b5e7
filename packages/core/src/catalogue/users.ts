// Owns the `users` table. Global: a user signs in before any workspace is chosen and may belong to several.
import type { TableDef } from './TableDef.ts';

export const users = {
  name: 'users',
  distribution: 'reference',
  key: { columns: ['id'], index: 'users_pk', unique: true },
  indexes: { users_email: { columns: ['email'], unique: true } },
  columns: {
    id: { type: 'text' },
    email: { type: 'text' },
    name: { type: 'text', nullable: true },
    password_hash: { type: 'text' },
    created_at: { type: 'timestamp' },
    password_changed_at: { type: 'timestamp', nullable: true },
  },
} as const satisfies TableDef;
