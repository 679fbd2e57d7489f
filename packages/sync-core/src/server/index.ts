// Server-only entry point (`@pairboard/sync-core/server`): checks on bytes that come from clients.
export { inspectUpdate, hasPendingState } from './inspect-update.ts';
export type { UpdateVerdict } from './inspect-update.ts';
