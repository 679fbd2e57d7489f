import { z } from 'zod';
import type { Position } from '@pairboard/board-schema';
import { apiPath, requestJson, requestNoContent, type RequestOptions } from './http.ts';
import { MemberPosition, Role, optionalNullable } from './schemas.ts';

/** One member of a board; `email` only reaches owners. */
export const Member = z.object({
  userId: z.string().min(1),
  name: z.string(),
  email: optionalNullable(z.string()),
  role: Role,
  position: MemberPosition.optional().transform((value) => value ?? null),
  addedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

const MemberList = z.object({ members: z.array(Member) });
const Ignored = z.unknown();

export interface MemberChange {
  role: Role;
  position?: Position | null;
}

/** Everyone on the board (any member may ask). */
export async function listMembers(boardId: string, options?: RequestOptions): Promise<Member[]> {
  return (await requestJson('GET', apiPath('boards', boardId, 'members'), MemberList, undefined, options))
    .members;
}

/** Changes a member's role and position (owner only). */
export async function updateMember(
  boardId: string,
  userId: string,
  change: MemberChange,
  options?: RequestOptions,
): Promise<void> {
  await requestJson('PATCH', apiPath('boards', boardId, 'members', userId), Ignored, change, options);
}

/** Removes a member (owner only; the last owner cannot be removed). Their live sockets close. */
export function removeMember(boardId: string, userId: string, options?: RequestOptions): Promise<void> {
  return requestNoContent('DELETE', apiPath('boards', boardId, 'members', userId), undefined, options);
}
