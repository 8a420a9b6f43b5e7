// Owns the workspace shapes: a user's workspace with their role, the list reply, creating one.
import { z } from 'zod';
import { KeyScopeSchema, WorkspaceRoleSchema } from './roles.ts';

export const WorkspaceRefSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: WorkspaceRoleSchema,
});

/** What an API key sees of its one workspace: a scope instead of a role. */
export const KeyWorkspaceRefSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.null(),
  scope: KeyScopeSchema,
});

export const WorkspaceListSchema = z.strictObject({
  workspaces: z.array(z.union([WorkspaceRefSchema, KeyWorkspaceRefSchema])),
});

export const CreateWorkspaceRequestSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });

export type WorkspaceRef = z.output<typeof WorkspaceRefSchema>;
export type KeyWorkspaceRef = z.output<typeof KeyWorkspaceRefSchema>;
export type WorkspaceList = z.output<typeof WorkspaceListSchema>;
export type CreateWorkspaceRequest = z.input<typeof CreateWorkspaceRequestSchema>;
