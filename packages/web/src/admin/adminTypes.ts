// Owns the wire types of the API key and member endpoints.
import type { Role } from '../api/types';

export type Scope = 'ingest' | 'read' | 'admin';

export interface ApiKeyInfo {
  id: string;
  name: string | null;
  prefix: string;
  scope: Scope;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface Member {
  user_id: string;
  email: string;
  name: string | null;
  role: Role;
  created_at: string;
}
