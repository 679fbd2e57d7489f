/**
 * The per-board roles and positions the tables accept (their check constraints say the same).
 * What each role may do is decided by the server; the db only stores it.
 */

/** Every role a board member can hold. */
export const MEMBER_ROLES = ['owner', 'editor', 'door', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Where an editor works: at the venue or remotely. */
export const MEMBER_POSITIONS = ['onsite', 'remote'] as const;
export type MemberPosition = (typeof MEMBER_POSITIONS)[number];

/** Roles an invite can grant: owners are made by changing a member's role, never by a link. */
export const INVITE_ROLES = ['editor', 'door', 'observer'] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

/** Roles an access token for an integration can carry. */
export const ACCESS_TOKEN_ROLES = ['editor', 'observer'] as const;
export type AccessTokenRole = (typeof ACCESS_TOKEN_ROLES)[number];
