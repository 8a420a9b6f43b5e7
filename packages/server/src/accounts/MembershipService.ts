// Owns memberships (user × workspace × role) and the rules for changing them (owners, the last owner).
import type { Member, WorkspaceRef } from '@llm-analytics/core';
import { ApiError } from '../http/ApiError.ts';
import type { Db, Store } from '../store/Store.ts';
import { Mutex } from './Mutex.ts';
import { ROLE_RANK, type Role } from './permissions.ts';
import { countOwners } from './queries/countOwners.ts';
import { deleteMembership } from './queries/deleteMembership.ts';
import { findRole } from './queries/findRole.ts';
import { insertMembership } from './queries/insertMembership.ts';
import { listMembers } from './queries/listMembers.ts';
import { listUserWorkspaces } from './queries/listUserWorkspaces.ts';
import { updateMemberRole } from './queries/updateMemberRole.ts';

export type { Member };
export type UserWorkspace = WorkspaceRef;

/** Who asks for a change: a user's role, or an admin API key (acts as an admin, never as an owner). */
export type ActorRole = Role;

export class MembershipService {
  private readonly lock = new Mutex();

  constructor(private readonly store: Store) {}

  roleOf(workspaceId: string, userId: string): Promise<Role | null> {
    return findRole(this.store, workspaceId, userId);
  }

  /** The user's workspaces, oldest membership first (the first is the default workspace of a session). */
  workspacesOf(userId: string): Promise<UserWorkspace[]> {
    return listUserWorkspaces(this.store, userId);
  }

  members(workspaceId: string): Promise<Member[]> {
    return listMembers(this.store, workspaceId);
  }

  async add(workspaceId: string, userId: string, role: Role, actor: ActorRole | null = null): Promise<void> {
    if (actor) assertMayGrant(actor, role);
    // Each change reads what its rules check in its own transaction (the lock orders this process's changes).
    await this.lock.run(() =>
      this.store.transaction(async (tx) => {
        if (await findRole(tx, workspaceId, userId)) {
          throw new ApiError(409, 'already_member', 'this user is already a member of the workspace');
        }
        await insertMembership(tx, workspaceId, userId, role);
      }),
    );
  }

  /** Changes a role; returns the previous one. Only owners touch owners; the last owner stays an owner. */
  async setRole(workspaceId: string, userId: string, role: Role, actor: ActorRole): Promise<Role> {
    return this.lock.run(() =>
      this.store.transaction(async (tx) => {
        const current = await requireMember(tx, workspaceId, userId);
        assertMayGrant(actor, current);
        assertMayGrant(actor, role);
        if (current === 'owner' && role !== 'owner') await assertNotLastOwner(tx, workspaceId);
        await updateMemberRole(tx, workspaceId, userId, role);
        return current;
      }),
    );
  }

  async remove(workspaceId: string, userId: string, actor: ActorRole): Promise<Role> {
    return this.lock.run(() =>
      this.store.transaction(async (tx) => {
        const current = await requireMember(tx, workspaceId, userId);
        assertMayGrant(actor, current);
        if (current === 'owner') await assertNotLastOwner(tx, workspaceId);
        await deleteMembership(tx, workspaceId, userId);
        return current;
      }),
    );
  }
}

async function requireMember(db: Db, workspaceId: string, userId: string): Promise<Role> {
  const role = await findRole(db, workspaceId, userId);
  if (!role) throw new ApiError(404, 'not_found', 'no such member in this workspace');
  return role;
}

async function assertNotLastOwner(db: Db, workspaceId: string): Promise<void> {
  if ((await countOwners(db, workspaceId)) <= 1) {
    throw new ApiError(
      409,
      'last_owner',
      'a workspace keeps at least one owner: make someone else owner first',
    );
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
