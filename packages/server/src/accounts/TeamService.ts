// Owns workspace (team) management: create with an owner, delete with its data, add/change/remove members.
import { randomUUID } from 'node:crypto';
import type { ActivityService } from '../activity/ActivityService.ts';
import type { ApiKeyService } from '../auth/ApiKeyService.ts';
import { ApiError } from '../http/ApiError.ts';
import { DEFAULT_WORKSPACE, type WorkspaceService } from '../workspaces/WorkspaceService.ts';
import type { Member, MembershipService, UserWorkspace } from './MembershipService.ts';
import type { Role } from './permissions.ts';
import type { UserService } from './UserService.ts';

/** Who acts: the activity-log name and the role it acts with (an admin API key acts as `admin`). */
export interface Actor {
  name: string;
  role: Role;
}

export class TeamService {
  constructor(
    private readonly users: UserService,
    private readonly memberships: MembershipService,
    private readonly workspaces: WorkspaceService,
    private readonly keys: ApiKeyService,
    private readonly activity: ActivityService,
  ) {}

  async createWorkspace(ownerUserId: string, actor: string, name: string): Promise<UserWorkspace> {
    // Random ids: guessing another team's workspace id is hopeless, and the hook checks membership anyway.
    const ws = await this.workspaces.create(randomUUID(), name);
    await this.memberships.add(ws.id, ownerUserId, 'owner');
    await this.activity.record(ws.id, actor, 'workspace.create', ws.id, { name });
    return { id: ws.id, name: ws.name, role: 'owner' };
  }

  async deleteWorkspace(id: string): Promise<void> {
    // The default workspace is where CLI commands, the init key and headless setup point: it stays.
    if (id === DEFAULT_WORKSPACE) {
      throw new ApiError(409, 'default_workspace', 'the default workspace cannot be deleted');
    }
    await this.keys.revokeAll(id);
    await this.workspaces.remove(id);
  }

  /**
   * Adds a member by email. An existing user is added as is; an unknown email needs `password` and then a
   * user is created with it (there is no mail delivery to send invitations). 404 `user_not_found` otherwise.
   */
  async addMember(
    workspaceId: string,
    actor: Actor,
    input: { email: string; role: Role; password?: string; name?: string },
  ): Promise<Member> {
    let user = await this.users.findByEmail(input.email);
    if (!user) {
      if (!input.password) {
        throw new ApiError(
          404,
          'user_not_found',
          'no user has this email: send a "password" to create the account as well',
        );
      }
      user = await this.users.create({ email: input.email, password: input.password, name: input.name });
    }
    await this.memberships.add(workspaceId, user.id, input.role, actor.role);
    await this.activity.record(workspaceId, actor.name, 'member.add', user.email, { role: input.role });
    return (await this.memberships.members(workspaceId)).find((m) => m.user_id === user.id)!;
  }

  async setRole(workspaceId: string, actor: Actor, userId: string, role: Role): Promise<Member> {
    const from = await this.memberships.setRole(workspaceId, userId, role, actor.role);
    const member = (await this.memberships.members(workspaceId)).find((m) => m.user_id === userId)!;
    await this.activity.record(workspaceId, actor.name, 'member.role_change', member.email, {
      from,
      to: role,
    });
    return member;
  }

  async removeMember(workspaceId: string, actor: Actor, userId: string): Promise<void> {
    const member = (await this.memberships.members(workspaceId)).find((m) => m.user_id === userId);
    if (!member) throw new ApiError(404, 'not_found', 'no such member in this workspace');
    const role = await this.memberships.remove(workspaceId, userId, actor.role);
    await this.activity.record(workspaceId, actor.name, 'member.remove', member.email, { role });
  }
}
