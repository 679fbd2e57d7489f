import { z } from 'zod';
import { Position } from '@pairboard/board-schema';

/**
 * Who is using this device, until accounts exist: a random id, a display name and a position.
 * It is the `Actor` of every board operation and the user shown in presence.
 */
export const Identity = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  position: Position,
});
export type Identity = z.infer<typeof Identity>;

export const IDENTITY_STORAGE_KEY = 'pairboard.identity';

/** The stored identity, or null when there is none or it was written by something else. */
export function parseIdentity(raw: string | null): Identity | null {
  if (raw === null) return null;
  try {
    const parsed = Identity.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A new identity; the id stays the same when a person only changes their name or position. */
export function createIdentity(name: string, position: Position, id: string = crypto.randomUUID()): Identity {
  return Identity.parse({ id, name, position });
}

export function loadIdentity(): Identity | null {
  try {
    return parseIdentity(localStorage.getItem(IDENTITY_STORAGE_KEY));
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Private mode or a full quota: the identity still holds for this page view.
  }
}
