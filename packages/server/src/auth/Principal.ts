// Owns the shape of "who is asking": a signed-in user (cookie session) or an API key, bound to a workspace.
import type { Role, WorkspacePermission } from '../accounts/permissions.ts';
import type { Scope } from './ApiKeyService.ts';

interface PrincipalBase {
  /** The workspace this request acts on. Always set on workspace-permission routes; on `user` and
   *  `authenticated` routes it is the user's chosen/first workspace, or '' when they have none. */
  workspaceId: string;
  /** What this principal may do in `workspaceId` (from the one permission table). */
  permissions: ReadonlySet<WorkspacePermission>;
  /** How the activity log names it: the user's email, or `key:<prefix>`. */
  actor: string;
}

export interface UserPrincipal extends PrincipalBase {
  kind: 'user';
  userId: string;
  email: string;
  name: string | null;
  sessionId: string;
  csrfToken: string;
  role: Role | null;
}

export interface ApiKeyPrincipal extends PrincipalBase {
  kind: 'key';
  keyId: string;
  prefix: string;
  scope: Scope;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;
