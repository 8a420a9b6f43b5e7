// Owns the ONE permission table: which role and which API key scope may do what. Routes name a permission.
import { WORKSPACE_ROLES, type WorkspaceRole } from '@llm-analytics/core';
import type { Scope } from '../auth/ApiKeyService.ts';

export const ROLES = WORKSPACE_ROLES;
export type Role = WorkspaceRole;

/** Permissions that act on one workspace (the hook resolves which one before checking). */
export const WORKSPACE_PERMISSIONS = [
  'read',
  'ingest',
  'export',
  'manage_experiments',
  /** Alert rules and channels, and triaging anomalies (acknowledge / resolve). */
  'manage_alerts',
  'settings',
  'keys',
  'members',
  'delete_workspace',
  // Legacy name kept for routes written before roles existed: "administrative", granted like `settings`.
  'admin',
] as const;
export type WorkspacePermission = (typeof WORKSPACE_PERMISSIONS)[number];

/**
 * Route permissions: a workspace permission, or
 * - `public`: no credentials (health, login, setup);
 * - `authenticated`: any signed-in user or API key, no workspace permission needed (the handler scopes);
 * - `user`: a signed-in user (cookie session), e.g. password change; API keys are refused.
 */
export type Permission = 'public' | 'authenticated' | 'user' | WorkspacePermission;
export const ROUTE_PERMISSIONS: readonly Permission[] = [
  'public',
  'authenticated',
  'user',
  ...WORKSPACE_PERMISSIONS,
];

const VIEWER: WorkspacePermission[] = ['read'];
const MEMBER: WorkspacePermission[] = [...VIEWER, 'export', 'manage_experiments', 'manage_alerts'];
const ADMIN: WorkspacePermission[] = [...MEMBER, 'settings', 'keys', 'members', 'admin'];
const OWNER: WorkspacePermission[] = [...ADMIN, 'delete_workspace'];

/** The table. Users never ingest (that is what ingest keys are for); keys never delete a workspace. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<WorkspacePermission>>> = {
  viewer: new Set(VIEWER),
  member: new Set(MEMBER),
  admin: new Set(ADMIN),
  owner: new Set(OWNER),
};

export const SCOPE_PERMISSIONS: Readonly<Record<Scope, ReadonlySet<WorkspacePermission>>> = {
  read: new Set(['read']),
  ingest: new Set(['ingest']),
  admin: new Set([...ADMIN, 'ingest']),
};

export const ROLE_RANK: Readonly<Record<Role, number>> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (ROLES as readonly string[]).includes(v);
