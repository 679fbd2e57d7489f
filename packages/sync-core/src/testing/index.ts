// Test helpers for other workspaces (`@pairboard/sync-core/testing`); imports vitest, never ship it.
export { createMemoryDocStore } from './memory-doc-store.ts';
export { describeDocStoreContract } from './doc-store-contract.ts';
export type { DocStoreContractSubject } from './doc-store-contract.ts';
