import { z } from 'zod';
import { Position } from '@pairboard/board-schema';

/** Shapes shared by several `/api` answers (docs/http-api.md; the issue 3 contract). */

/** A person's role on one board. Clients (share links) are not members and have no role here. */
export const Role = z.enum(['owner', 'editor', 'door', 'observer']);
export type Role = z.infer<typeof Role>;

/** Roles an owner can hand out through an invite or a member's role change. */
export const INVITABLE_ROLES = ['editor', 'door', 'observer'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Access tokens for integrations act as an editor or an observer. */
export const TOKEN_ROLES = ['editor', 'observer'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** On-site or remote; null for roles without a position (door staff, observers, often owners). */
export const MemberPosition = Position.nullable();
export type MemberPosition = z.infer<typeof MemberPosition>;

/** Absent and null both mean "none" (older rows and optional fields). */
export const optionalNullable = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .optional()
    .transform((value) => value ?? null);
