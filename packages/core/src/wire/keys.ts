// Owns the API key shapes: a key's public record, the list, creating one (the secret is shown once), revoking.
import { z } from 'zod';
import { KeyScopeSchema } from './roles.ts';

export const ApiKeySchema = z.strictObject({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string().nullable(),
  /** The first 12 characters of the secret, to recognise a key. */
  prefix: z.string(),
  scope: KeyScopeSchema,
  created_by: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

export const ApiKeyListSchema = z.strictObject({ keys: z.array(ApiKeySchema) });

export const CreateKeyRequestSchema = z.strictObject({
  scope: KeyScopeSchema,
  name: z.string().max(200).optional(),
});

/** The created key with its secret (`key`), which is never shown again. */
export const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string() });

export const RevokedKeySchema = z.strictObject({ revoked: z.string() });

export type ApiKeyInfo = z.output<typeof ApiKeySchema>;
export type ApiKeyList = z.output<typeof ApiKeyListSchema>;
export type CreateKeyRequest = z.input<typeof CreateKeyRequestSchema>;
export type CreatedApiKey = z.output<typeof CreatedApiKeySchema>;
export type RevokedKey = z.output<typeof RevokedKeySchema>;
