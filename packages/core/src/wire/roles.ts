// Owns the names of workspace roles and API key scopes, the two ways a principal holds permissions.
import { z } from 'zod';

export const WORKSPACE_ROLES = ['viewer', 'member', 'admin', 'owner'] as const;
export const KEY_SCOPES = ['ingest', 'read', 'admin'] as const;

export const WorkspaceRoleSchema = z.enum(WORKSPACE_ROLES);
export const KeyScopeSchema = z.enum(KEY_SCOPES);

export type WorkspaceRole = z.output<typeof WorkspaceRoleSchema>;
export type KeyScope = z.output<typeof KeyScopeSchema>;
