export { openDatabase } from './open-database.ts';
export type { Database, Queryable, OpenDatabaseOptions } from './database.ts';
export { migrate } from './migrate.ts';
export { createBoard, getBoard, listBoards, lockBoard } from './boards.ts';
export type { BoardRow } from './boards.ts';
export {
  loadBoardLog,
  appendUpdates,
  compactBoardLog,
  boardLogStats,
  listBoardsChangedSince,
  BOARD_DOCS,
} from './board-log.ts';
export type { BoardDoc, BoardLog, BoardLogStats, NewBoardUpdate, StoredBoardUpdate } from './board-log.ts';
export { MEMBER_ROLES, MEMBER_POSITIONS, INVITE_ROLES, ACCESS_TOKEN_ROLES } from './roles.ts';
export type { MemberRole, MemberPosition, InviteRole, AccessTokenRole } from './roles.ts';
export { createUser, getUserByEmail, getUserById } from './users.ts';
export type { UserRow } from './users.ts';
export {
  createSession,
  getSessionWithUser,
  extendSession,
  deleteSession,
  deleteUserSessions,
  deleteExpiredSessions,
} from './sessions.ts';
export type { SessionRow } from './sessions.ts';
export {
  addMember,
  getMember,
  listMembers,
  updateMember,
  removeMember,
  countOwners,
  listBoardsForUser,
} from './members.ts';
export type { MemberRow } from './members.ts';
export { createInvite, getInviteByTokenHash, listInvites, revokeInvite } from './invites.ts';
export type { InviteRow } from './invites.ts';
export { createShareLink, getShareLinkByTokenHash, listShareLinks, revokeShareLink } from './share-links.ts';
export type { ShareLinkRow } from './share-links.ts';
export {
  createAccessToken,
  getAccessTokenByTokenHash,
  listAccessTokens,
  revokeAccessToken,
} from './access-tokens.ts';
export type { AccessTokenRow } from './access-tokens.ts';
export { appendAudit, listAudit } from './audit.ts';
export { appendActivity, listActivity } from './activity.ts';
export type { ActivityRow, NewActivityRow, ActivityQuery } from './activity.ts';
export type { AuditEntry, NewAuditEntry } from './audit.ts';
export { getClientViewSettings, setClientViewSettings } from './client-view-settings.ts';
export type { ClientViewSettings } from './client-view-settings.ts';
export {
  SeqConflictError,
  BoardNotFoundError,
  BoardExistsError,
  EmailTakenError,
  UserNotFoundError,
  MemberExistsError,
} from './errors.ts';
export {
  createBoardTemplate,
  listBoardTemplates,
  getBoardTemplate,
  deleteBoardTemplate,
} from './board-templates.ts';
export type { BoardTemplateRow } from './board-templates.ts';
export { tryAcquireLease, releaseLease, readLease } from './leases.ts';
export type { LeaseAttempt, LeaseRow } from './leases.ts';
