// Owns the `sessions` table (sign-in sessions). Global: a request's session is found by its token's hash.
// Times logic compares are epoch milliseconds in BIGINT: identical on both engines, no time-zone conversion.
import type { TableDef } from './TableDef.ts';

export const sessions = {
  name: 'sessions',
  distribution: 'reference',
  key: { columns: ['token_hash'], index: 'sessions_token', unique: true },
  indexes: { sessions_user: { columns: ['user_id'] } },
  columns: {
    id: { type: 'text' },
    token_hash: { type: 'text' },
    user_id: { type: 'text' },
    csrf_token: { type: 'text' },
    created_ms: { type: 'bigint' },
    last_seen_ms: { type: 'bigint' },
    expires_ms: { type: 'bigint' },
    ip: { type: 'text', nullable: true },
    user_agent: { type: 'text', nullable: true },
  },
} as const satisfies TableDef;
