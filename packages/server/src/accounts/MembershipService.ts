// Owns memberships (user × workspace × role) and the rules for changing them (owners, the last owner).
import type { Member, WorkspaceRef } from '@llm-analytics/core';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import { Mutex } from './Mutex.ts';
import { ROLE_RANK, type Role } from './permissions.ts';

export type { Member };
export type UserWorkspace = WorkspaceRef;

/** Who asks for a change: a user's role, or an admin API key (acts as an admin, never as an owner). */
export type ActorRole = Role;

export class MembershipService {
  private readonly lock = new Mutex();

  constructor(private readonly store: Store) {}

  async roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    const rows = await this.store.query<{ role: Role }>(
      'SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2',
      [workspaceId, userId],
    );
    return rows[0]?.role ?? null;
  }

  /** The user's workspaces, oldest membership first (the first is the default workspace of a session). */
  async workspacesOf(userId: string): Promise<UserWorkspace[]> {
    return this.store.query<UserWorkspace & Record<string, unknown>>(
      `SELECT w.id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
       WHERE m.user_id = $1 ORDER BY m.created_at, w.id`,
      [userId],
    );
  }

  async members(workspaceId: string): Promise<Member[]> {
    return this.store.query<Member & Record<string, unknown>>(
      `SELECT m.user_id, u.email, u.name, m.role, m.created_at FROM memberships m
       JOIN users u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY m.created_at, u.email`,
      [workspaceId],
    );
  }

  async add(workspaceId: string, userId: string, role: Role, actor: ActorRole | null = null): Promise<void> {
    if (actor) assertMayGrant(actor, role);
    await this.lock.run(async () => {
      if (await this.roleOf(workspaceId, userId)) {
        throw new ApiError(409, 'already_member', 'this user is already a member of the workspace');
      }
      await this.store.query(
        'INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, now())',
        [workspaceId, userId, role],
      );
    });
  }

  /** Changes a role; returns the previous one. Only owners touch owners; the last owner stays an owner. */
  async setRole(workspaceId: string, userId: string, role: Role, actor: ActorRole): Promise<Role> {
    return this.lock.run(async () => {
      const current = await this.requireMember(workspaceId, userId);
      assertMayGrant(actor, current);
      assertMayGrant(actor, role);
      if (current === 'owner' && role !== 'owner') await this.assertNotLastOwner(workspaceId);
      await this.store.query('UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [
        workspaceId,
        userId,
        role,
      ]);
      return current;
    });
  }

  async remove(workspaceId: string, userId: string, actor: ActorRole): Promise<Role> {
    return this.lock.run(async () => {
      const current = await this.requireMember(workspaceId, userId);
      assertMayGrant(actor, current);
      if (current === 'owner') await this.assertNotLastOwner(workspaceId);
      await this.store.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [
        workspaceId,
        userId,
      ]);
      return current;
    });
  }

  async removeWorkspace(workspaceId: string): Promise<void> {
    await this.store.query('DELETE FROM memberships WHERE workspace_id = $1', [workspaceId]);
  }

  private async requireMember(workspaceId: string, userId: string): Promise<Role> {
    const role = await this.roleOf(workspaceId, userId);
    if (!role) throw new ApiError(404, 'not_found', 'no such member in this workspace');
    return role;
  }

  private async assertNotLastOwner(workspaceId: string): Promise<void> {
    const [r] = await this.store.query<{ n: number }>(
      "SELECT count(*) AS n FROM memberships WHERE workspace_id = $1 AND role = 'owner'",
      [workspaceId],
    );
    if (Number(r.n) <= 1) {
      throw new ApiError(
        409,
        'last_owner',
        'a workspace keeps at least one owner: make someone else owner first',
      );
    }
  }
}

function assertMayGrant(actor: ActorRole, role: Role): void {
  // Admins manage members up to admin; only an owner may create, change or remove an owner.
  if (ROLE_RANK[role] > ROLE_RANK[actor] || (role === 'owner' && actor !== 'owner')) {
    throw new ApiError(
      403,
      'forbidden',
      `a${actor === 'admin' ? 'n' : ''} ${actor} cannot manage the ${role} role`,
    );
  }
}
