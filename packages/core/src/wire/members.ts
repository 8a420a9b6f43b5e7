// Owns the member shapes of a workspace: a member, the list, adding one, changing a role.
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './auth.ts';
import { WorkspaceRoleSchema } from './roles.ts';

export const MemberSchema = z.strictObject({
  user_id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: WorkspaceRoleSchema,
  created_at: z.string(),
});

export const MemberListSchema = z.strictObject({ members: z.array(MemberSchema) });

/** An unknown email needs `password`: the user is then created with it (there is no mail delivery). */
export const AddMemberRequestSchema = z.strictObject({
  email: z.email().max(254),
  role: WorkspaceRoleSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024).optional(),
  name: z.string().max(200).optional(),
});

export const ChangeRoleRequestSchema = z.strictObject({ role: WorkspaceRoleSchema });

export type Member = z.output<typeof MemberSchema>;
export type MemberList = z.output<typeof MemberListSchema>;
export type AddMemberRequest = z.output<typeof AddMemberRequestSchema>;
export type ChangeRoleRequest = z.output<typeof ChangeRoleRequestSchema>;
