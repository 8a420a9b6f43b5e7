// Owns the sign-in shapes: first-run setup, login and password requests, and the session reply.
import { z } from 'zod';
import { WorkspaceRefSchema } from './workspaces.ts';

export const MIN_PASSWORD_LENGTH = 8;

const Email = z.email().max(254);
const NewPassword = z.string().min(MIN_PASSWORD_LENGTH).max(1024);

export const SetupRequestSchema = z.strictObject({
  email: Email,
  password: NewPassword,
  name: z.string().max(200).optional(),
});
export const LoginRequestSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024),
});
export const ChangePasswordRequestSchema = z.strictObject({
  current_password: z.string().max(1024),
  new_password: NewPassword,
});

export const SetupStatusSchema = z.strictObject({ needed: z.boolean() });

export const SessionUserSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
});

/** The signed-in user, their workspaces with roles (oldest first: the first is the default) and the CSRF token. */
export const SessionSchema = z.strictObject({
  user: SessionUserSchema,
  workspaces: z.array(WorkspaceRefSchema),
  csrf_token: z.string(),
});

export type SetupRequest = z.input<typeof SetupRequestSchema>;
export type LoginRequest = z.input<typeof LoginRequestSchema>;
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequestSchema>;
export type SetupStatus = z.output<typeof SetupStatusSchema>;
export type SessionUser = z.output<typeof SessionUserSchema>;
export type Session = z.output<typeof SessionSchema>;
