// Server-only entry point (`@pairboard/sync-core/server`): checks on bytes that come from clients.
export { inspectUpdate, hasPendingState } from './inspect-update.ts';
export type { UpdateVerdict } from './inspect-update.ts';
export { updateFootprint } from './update-footprint.ts';
export type { DocRoot, RootFootprint, UpdateFootprint } from './update-footprint.ts';
export { checkWritePolicy } from './write-policy.ts';
export type { WritePolicy, WritePolicyVerdict } from './write-policy.ts';
