// Owns the account flows: first-run setup, headless/CLI user creation, sign-in (throttled), password change.
import type { ActivityService } from '../activity/ActivityService.ts';
import { ApiError } from '../http/ApiError.ts';
import type { WorkspaceService } from '../workspaces/WorkspaceService.ts';
import type { LoginThrottle } from './LoginThrottle.ts';
import type { MembershipService } from './MembershipService.ts';
import type { Role } from './permissions.ts';
import type { SessionService } from './SessionService.ts';
import type { User, UserService } from './UserService.ts';

export class AccountService {
  constructor(
    private readonly users: UserService,
    private readonly memberships: MembershipService,
    private readonly sessions: SessionService,
    private readonly workspaces: WorkspaceService,
    private readonly activity: ActivityService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** First-run setup: only while no user exists; the user becomes owner of the default workspace. */
  async setup(input: { email: string; password: string; name?: string | null }): Promise<User> {
    const user = await this.users.create(input, true);
    const ws = await this.workspaces.ensureDefault();
    await this.memberships.add(ws.id, user.id, 'owner');
    await this.activity.record(ws.id, user.email, 'auth.setup', user.email);
    return user;
  }

  /** Headless first owner (LLM_ANALYTICS_INIT_ADMIN_*): made when no user exists yet, otherwise nothing. */
  async ensureInitialAdmin(email: string, password: string): Promise<void> {
    if ((await this.users.count()) > 0) return;
    await this.setup({ email, password }).catch((e: unknown) => {
      if (!(e instanceof ApiError && e.code === 'setup_done')) throw e;
    });
  }

  /** CLI `users create`: a user with a role in a workspace (an existing user just gets the membership). */
  async createUser(
    input: { email: string; password: string; name?: string | null },
    workspaceId: string,
    role: Role,
  ) {
    if (!(await this.workspaces.get(workspaceId)))
      throw new ApiError(404, 'not_found', `no workspace "${workspaceId}"`);
    const user = (await this.users.findByEmail(input.email)) ?? (await this.users.create(input));
    await this.memberships.add(workspaceId, user.id, role);
    await this.activity.record(workspaceId, 'cli', 'member.add', user.email, { role });
    return user;
  }

  /** Signs in: 429 while locked out, 401 on bad credentials, else a new session (token shown once). */
  async login(email: string, password: string, meta: { ip: string; userAgent?: string }) {
    const wait = this.throttle.retryAfter(email, meta.ip);
    if (wait) throw locked(wait);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) {
      const lock = this.throttle.fail(email, meta.ip);
      const known = await this.users.findByEmail(email);
      if (known) await this.recordAll(known.id, known.email, 'auth.login_failed', { ip: meta.ip });
      if (lock) throw locked(lock);
      throw new ApiError(401, 'invalid_credentials', 'wrong email or password');
    }
    this.throttle.succeed(email, meta.ip);
    const session = await this.sessions.create(user.id, meta);
    await this.recordAll(user.id, user.email, 'auth.login', { ip: meta.ip });
    return { user, ...session };
  }

  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    if (!(await this.users.checkPassword(userId, current))) {
      throw new ApiError(403, 'invalid_credentials', 'the current password is wrong');
    }
    await this.users.setPassword(userId, next);
    // Anyone holding another session of this account (a stolen cookie, say) is signed out.
    await this.sessions.revokeOthers(userId, sessionId);
    const user = await this.users.get(userId);
    if (user) await this.recordAll(userId, user.email, 'auth.password_changed', null);
  }

  /** Account events appear in the activity log of every workspace the user belongs to. */
  private async recordAll(
    userId: string,
    email: string,
    action: string,
    details: Record<string, unknown> | null,
  ) {
    for (const ws of await this.memberships.workspacesOf(userId)) {
      await this.activity.record(ws.id, email, action, email, details);
    }
  }
}

const locked = (seconds: number) =>
  new ApiError(429, 'too_many_attempts', `too many failed sign-ins: retry in ${seconds} s`, undefined, {
    'retry-after': String(seconds),
  });
