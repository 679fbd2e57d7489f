export {
  SYNC_PATH_PREFIX,
  CLOSE_BOARD_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
  CLOSE_FORBIDDEN,
  CLOSE_MALFORMED_FRAME,
  CLOSE_UNKNOWN_MESSAGE,
  CLOSE_INVALID_UPDATE,
  CLOSE_RATE_LIMITED,
  CLOSE_UNRESOLVED_DEPENDENCIES,
  CLOSE_STORAGE_UNAVAILABLE,
  CLOSE_SHUTTING_DOWN,
  CLOSE_BOARD_RELOADED,
  STORAGE_UNAVAILABLE_REASON,
  DEFAULT_MAX_FRAME_BYTES,
  MessageType,
} from './protocol.ts';
export { ErrorCode } from './errors.ts';
export type { ErrorBody, Ack } from './errors.ts';
export {
  BOARD_SCHEMA_VERSION,
  ItemStatus,
  IncidentLevel,
  IncidentStatus,
  Position,
  GuestTag,
  BoardLanguage,
  Actor,
  BoardMeta,
  Person,
  Pair,
  Owner,
  Checklist,
  Section,
  ChecklistItem,
  CheckIn,
  Guest,
  GuestContact,
  TimelineEntry,
  Incident,
  RaiseIncidentInput,
} from './board.ts';
export type { Board } from './board.ts';
export {
  PRESENCE_VIEWS,
  PresenceViewName,
  BoardJoin,
  PresenceView,
  PresenceMember,
  PresenceRoster,
} from './presence.ts';
export { ClientView, ClientViewSettings } from './client-view.ts';
