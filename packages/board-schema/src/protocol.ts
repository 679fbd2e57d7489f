/**
 * Sync endpoint constants shared by server, web client and tests. WebSocket close codes live in
 * the 4000 range reserved for applications; see docs/protocol.md for what each one means to a
 * client (retry, re-authenticate, or give up).
 */

/** Path prefix of the y-websocket compatible sync endpoint: `ws://HOST:PORT/yjs/<boardId>`. */
export const SYNC_PATH_PREFIX = '/yjs/';

/** The board id in the URL is not a board this server knows. Do not retry. */
export const CLOSE_BOARD_NOT_FOUND = 4404;
/** Missing or expired credentials. Re-authenticate before retrying. */
export const CLOSE_UNAUTHORIZED = 4401;
/** The credentials do not give access to this board. Do not retry. */
export const CLOSE_FORBIDDEN = 4403;
/** A frame could not be decoded as a y-websocket message. */
export const CLOSE_MALFORMED_FRAME = 4400;
/** A frame decoded, but carried a message type this server does not speak. */
export const CLOSE_UNKNOWN_MESSAGE = 4415;
/** A Yjs update failed to decode, or would not apply cleanly to the board. */
export const CLOSE_INVALID_UPDATE = 4422;
/** The client sent more than its message or byte budget allows. Retry later, with backoff. */
export const CLOSE_RATE_LIMITED = 4429;
/** The client kept sending updates whose predecessors it never supplied. */
export const CLOSE_UNRESOLVED_DEPENDENCIES = 4409;
/** The server could not load or store the board. Retry with backoff. */
export const CLOSE_STORAGE_UNAVAILABLE = 4503;
/** The server is shutting down. Reconnect (to another instance) with backoff. */
export const CLOSE_SHUTTING_DOWN = 4001;
/** The board was unloaded or reloaded on the server; reconnect to resync. */
export const CLOSE_BOARD_RELOADED = 4002;

/** Default largest WebSocket frame a client may send to the sync endpoint. */
/**
 * Start of the auth-message reason with which the server refuses an update because it cannot
 * store it right now (SY15); the client keeps the update and is asked for it again later.
 */
export const STORAGE_UNAVAILABLE_REASON = 'storage-unavailable';

export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

/** y-websocket top-level message types (first varUint of every frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
