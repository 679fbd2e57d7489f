import { z } from 'zod';
import { apiPath, requestJson, type RequestOptions } from './http.ts';

export const AUDIT_ACTIONS = [
  'member.added',
  'member.role_changed',
  'member.removed',
  'invite.created',
  'invite.revoked',
  'invite.accepted',
  'share_link.created',
  'share_link.revoked',
  'token.created',
  'token.revoked',
  'client_view.changed',
  'template.saved',
  'response_targets.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  // Kept as a string: an action added on the server later still lists, with its raw name.
  action: z.string(),
  target: z
    .string()
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  details: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The board's audit log, newest first (owner only). */
export async function listAudit(boardId: string, options?: RequestOptions): Promise<AuditEntry[]> {
  const envelope = z.object({ entries: z.array(AuditEntry) });
  return (await requestJson('GET', apiPath('boards', boardId, 'audit'), envelope, undefined, options))
    .entries;
}
