import { z } from 'zod';
import { apiPath, requestJson, requestNoContent, type RequestOptions } from './http.ts';
import { optionalNullable } from './schemas.ts';

/** A client share link as listed; the token itself is never listed. */
export const ShareLink = z.object({
  id: z.string().min(1),
  name: optionalNullable(z.string()),
  expiresAt: optionalNullable(z.string()),
  hasPin: z.boolean(),
  createdAt: optionalNullable(z.string()),
  revokedAt: optionalNullable(z.string()),
});
export type ShareLink = z.infer<typeof ShareLink>;

/** A new link: `url` (`/c/<token>`) and `token` appear only in this answer. */
export const CreatedShareLink = ShareLink.extend({ url: z.string(), token: z.string() });
export type CreatedShareLink = z.infer<typeof CreatedShareLink>;

export interface CreateShareLinkInput {
  name?: string;
  expiresInHours?: number;
  /** 4 to 8 digits. */
  pin?: string;
}

export const PIN_PATTERN = /^\d{4,8}$/;

export async function createShareLink(
  boardId: string,
  input: CreateShareLinkInput,
  options?: RequestOptions,
): Promise<CreatedShareLink> {
  const envelope = z.object({ link: CreatedShareLink });
  return (await requestJson('POST', apiPath('boards', boardId, 'share-links'), envelope, input, options))
    .link;
}

export async function listShareLinks(boardId: string, options?: RequestOptions): Promise<ShareLink[]> {
  const envelope = z.object({ links: z.array(ShareLink) });
  return (await requestJson('GET', apiPath('boards', boardId, 'share-links'), envelope, undefined, options))
    .links;
}

/** Revokes a link; clients watching through it are disconnected within 5 s. */
export function revokeShareLink(boardId: string, linkId: string, options?: RequestOptions): Promise<void> {
  return requestNoContent('DELETE', apiPath('boards', boardId, 'share-links', linkId), undefined, options);
}
