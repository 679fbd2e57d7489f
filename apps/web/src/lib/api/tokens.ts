import { z } from 'zod';
import type { Position } from '@pairboard/board-schema';
import { apiPath, requestJson, requestNoContent, type RequestOptions } from './http.ts';
import { MemberPosition, optionalNullable, type TokenRole } from './schemas.ts';

const TokenRoleSchema = z.enum(['editor', 'observer']);

/** An access token for integrations as listed; the secret is never listed. */
export const AccessToken = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: TokenRoleSchema,
  position: MemberPosition.optional().transform((value) => value ?? null),
  expiresAt: optionalNullable(z.string()),
  createdAt: optionalNullable(z.string()),
  revokedAt: optionalNullable(z.string()),
});
export type AccessToken = z.infer<typeof AccessToken>;

/** A new token: `secret` (`pbt_…`) appears only in this answer. */
export const CreatedAccessToken = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: TokenRoleSchema,
  expiresAt: optionalNullable(z.string()),
  secret: z.string(),
});
export type CreatedAccessToken = z.infer<typeof CreatedAccessToken>;

export interface CreateAccessTokenInput {
  name: string;
  role: TokenRole;
  position?: Position;
  expiresInDays?: number;
}

export async function createAccessToken(
  boardId: string,
  input: CreateAccessTokenInput,
  options?: RequestOptions,
): Promise<CreatedAccessToken> {
  const envelope = z.object({ token: CreatedAccessToken });
  return (await requestJson('POST', apiPath('boards', boardId, 'tokens'), envelope, input, options)).token;
}

export async function listAccessTokens(boardId: string, options?: RequestOptions): Promise<AccessToken[]> {
  const envelope = z.object({ tokens: z.array(AccessToken) });
  return (await requestJson('GET', apiPath('boards', boardId, 'tokens'), envelope, undefined, options))
    .tokens;
}

/** Revokes a token; sockets opened with it close within 5 s. */
export function revokeAccessToken(boardId: string, tokenId: string, options?: RequestOptions): Promise<void> {
  return requestNoContent('DELETE', apiPath('boards', boardId, 'tokens', tokenId), undefined, options);
}
