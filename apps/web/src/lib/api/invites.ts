import { z } from 'zod';
import type { Position } from '@pairboard/board-schema';
import { apiPath, requestJson, requestNoContent, type RequestOptions } from './http.ts';
import { MemberPosition, Role, optionalNullable, type InvitableRole } from './schemas.ts';

const InvitableRoleSchema = z.enum(['editor', 'door', 'observer']);
const position = MemberPosition.optional().transform((value) => value ?? null);

/** A new invite: `url` (`/invite/<token>`) and `token` appear only in this answer. */
export const CreatedInvite = z.object({
  id: z.string().min(1),
  role: InvitableRoleSchema,
  position,
  expiresAt: z.string(),
  url: z.string(),
  token: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const Invite = z.object({
  id: z.string().min(1),
  role: InvitableRoleSchema,
  position,
  expiresAt: z.string(),
  createdAt: z.string(),
  revokedAt: optionalNullable(z.string()),
});
export type Invite = z.infer<typeof Invite>;

/** What anyone holding the link may see before accepting. */
export const InvitePreview = z.object({
  boardName: z.string(),
  role: InvitableRoleSchema,
  position,
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

/** The board an accepted invite made me a member of. */
export const JoinedBoard = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: Role,
  position,
});
export type JoinedBoard = z.infer<typeof JoinedBoard>;

export interface CreateInviteInput {
  role: InvitableRole;
  position?: Position;
  /** 1 to 720; the server defaults to 72. */
  expiresInHours?: number;
}

/** Creates an expiring invite (owner only). */
export async function createInvite(
  boardId: string,
  input: CreateInviteInput,
  options?: RequestOptions,
): Promise<CreatedInvite> {
  const envelope = z.object({ invite: CreatedInvite });
  return (await requestJson('POST', apiPath('boards', boardId, 'invites'), envelope, input, options)).invite;
}

export async function listInvites(boardId: string, options?: RequestOptions): Promise<Invite[]> {
  const envelope = z.object({ invites: z.array(Invite) });
  return (await requestJson('GET', apiPath('boards', boardId, 'invites'), envelope, undefined, options))
    .invites;
}

export function revokeInvite(boardId: string, inviteId: string, options?: RequestOptions): Promise<void> {
  return requestNoContent('DELETE', apiPath('boards', boardId, 'invites', inviteId), undefined, options);
}

/** Board name and role behind an invite; 404 when it is unknown, expired or revoked. */
export async function getInvitePreview(token: string, options?: RequestOptions): Promise<InvitePreview> {
  const envelope = z.object({ invite: InvitePreview });
  return (await requestJson('GET', apiPath('invites', token), envelope, undefined, options)).invite;
}

/** Accepts an invite as the signed-in person (401 when signed out). */
export async function acceptInvite(token: string, options?: RequestOptions): Promise<JoinedBoard> {
  const envelope = z.object({ board: JoinedBoard });
  return (await requestJson('POST', apiPath('invites', token, 'accept'), envelope, {}, options)).board;
}
