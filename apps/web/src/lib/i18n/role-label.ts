import type { Position } from '@pairboard/board-schema';
import { Role } from '../api/schemas.ts';
import { i18n } from './i18n.svelte.ts';

/**
 * "Editor · On-site", "Door staff", … in the current language. A role this app does not know
 * yet (from a newer server) shows as sent.
 */
export function roleLabel(role: string, position: Position | null = null): string {
  const known = Role.safeParse(role);
  const name = known.success ? i18n.t(`role.${known.data}`) : role;
  return position ? `${name} · ${i18n.t(`position.${position}`)}` : name;
}
