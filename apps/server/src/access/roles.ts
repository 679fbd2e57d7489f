import type { WritePolicy } from '@pairboard/sync-core/server';

/** A member's role on one board. Clients (share links) are not members and never appear here. */
export type BoardRole = 'owner' | 'editor' | 'door' | 'observer';

/** Which of a board's two Yjs documents a connection opens (see docs/board-schema.md). */
export type BoardDocKind = 'main' | 'contacts';

/** What a role may do; the one table every transport consults (ARCHITECTURE.md, "Access"). */
export interface RoleCapabilities {
  readMain: boolean;
  readContacts: boolean;
  writeMain: WritePolicy;
  writeContacts: WritePolicy;
  manageBoard: boolean;
}

/** Roots an editor may change: everything but the board's setup (meta, people, pairs). */
const EDITOR_ROOTS = ['checklists', 'sections', 'items', 'guests', 'checkInLog', 'incidents'] as const;

export const ROLE_CAPABILITIES: Readonly<Record<BoardRole, RoleCapabilities>> = {
  owner: {
    readMain: true,
    readContacts: true,
    writeMain: { kind: 'all' },
    writeContacts: { kind: 'all' },
    manageBoard: true,
  },
  editor: {
    readMain: true,
    readContacts: true,
    writeMain: { kind: 'roots', roots: EDITOR_ROOTS },
    writeContacts: { kind: 'all' },
    manageBoard: false,
  },
  door: {
    readMain: true,
    readContacts: false,
    writeMain: { kind: 'door' },
    writeContacts: { kind: 'none' },
    manageBoard: false,
  },
  // Observers are internal and see everything, contact data included; they never write.
  observer: {
    readMain: true,
    readContacts: true,
    writeMain: { kind: 'none' },
    writeContacts: { kind: 'none' },
    manageBoard: false,
  },
};

export function canRead(role: BoardRole, doc: BoardDocKind): boolean {
  const capabilities = ROLE_CAPABILITIES[role];
  return doc === 'main' ? capabilities.readMain : capabilities.readContacts;
}

export function writePolicyFor(role: BoardRole, doc: BoardDocKind): WritePolicy {
  const capabilities = ROLE_CAPABILITIES[role];
  return doc === 'main' ? capabilities.writeMain : capabilities.writeContacts;
}

/** Roles an owner may hand out with an invite; ownership is granted by changing a member's role. */
export const INVITABLE_ROLES = ['editor', 'door', 'observer'] as const;
export const ALL_ROLES = ['owner', 'editor', 'door', 'observer'] as const;
