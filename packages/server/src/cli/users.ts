// Owns `llm-analytics users create|list`: accounts from the command line (first owner, headless installs).

import { MIN_PASSWORD_LENGTH } from '@llm-analytics/core';
import { createContext } from '../AppContext.ts';
import { isRole, type Role } from '../accounts/permissions.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/ApiError.ts';

export interface UserFlags {
  email?: string;
  password?: string;
  name?: string;
  role?: string;
  admin?: boolean;
  workspace?: string;
}

/** Runs the subcommand; returns an error message for the caller's `fail`, or null on success. */
export async function users(
  rest: string[],
  f: UserFlags,
  config: Config,
  ws: string,
): Promise<string | null> {
  const [sub] = rest;
  if (sub !== 'create' && sub !== 'list') return 'users needs create or list';
  if (sub === 'create') {
    if (!f.email || !f.password) return 'users create needs --email and --password';
    if (f.password.length < MIN_PASSWORD_LENGTH)
      return `--password must be at least ${MIN_PASSWORD_LENGTH} characters`;
    if (f.role !== undefined && !isRole(f.role)) return '--role must be viewer, member, admin or owner';
  }
  const ctx = await createContext(config);
  try {
    if (!(await ctx.workspaces.get(ws))) return `no workspace "${ws}"`;
    if (sub === 'list') {
      console.table(
        (await ctx.memberships.members(ws)).map((m) => ({
          email: m.email,
          name: m.name,
          role: m.role,
          id: m.user_id,
        })),
      );
      return null;
    }
    // --admin makes the workspace's owner (the first-run account); otherwise --role, default member.
    const role: Role = f.admin ? 'owner' : ((f.role as Role | undefined) ?? 'member');
    const user = await ctx.accounts.createUser(
      { email: f.email!, password: f.password!, name: f.name ?? null },
      ws,
      role,
    );
    console.log(`created ${user.email} (${user.id}) as ${role} of workspace ${ws}`);
    return null;
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  } finally {
    await ctx.close();
  }
}
