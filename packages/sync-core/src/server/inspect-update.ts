import type * as Y from 'yjs';
import { decodeUpdateV1 } from './decode-update-v1.ts';
import type { DecodedUpdate } from './decoded-update.ts';
import { isRangeDeletedInDoc } from './doc-lookups.ts';
import { IntegrationSimulation } from './simulate-integration.ts';

/**
 * What the sync server may do with an incoming update (rules UV1–UV11 in SPEC.md).
 * - `ok`: apply and persist it; applying leaves no pending structs or deletes.
 * - `empty`: it decodes but adds nothing the doc lacks (a resent sync step 2): store nothing.
 * - `missing-dependencies`: it needs structs the doc lacks (`client -> first clock needed`, for logs).
 * - `invalid`: undecodable, trailing bytes or structurally wrong: close the socket.
 */
export type UpdateVerdict =
  | { kind: 'ok'; size: number }
  | { kind: 'empty' }
  | { kind: 'missing-dependencies'; missing: Map<number, number> }
  | { kind: 'invalid'; reason: string };

/**
 * Checks an incoming V1 update against the doc's current state without touching the doc.
 * Costs O(update size) plus state-vector and struct lookups in the doc; it never clones or
 * encodes the doc. Assumes the doc itself holds no pending state (see `hasPendingState`).
 *
 * @example
 * const verdict = inspectUpdate(doc, bytes);
 * if (verdict.kind === 'ok') { Y.applyUpdate(doc, bytes); await appendToLog(bytes); }
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  try {
    return judge(doc, update, decodeUpdateV1(update));
  } catch (error) {
    // Decoding failures land here (lib0 throws plain Errors for truncated input). Anything
    // else would be a bug in this module: refusing the update is the safe side either way.
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
}

function judge(doc: Y.Doc, update: Uint8Array, decoded: DecodedUpdate): UpdateVerdict {
  const simulation = new IntegrationSimulation(doc, decoded.clients);
  const invalidReason = simulation.run();
  if (invalidReason !== null) return { kind: 'invalid', reason: invalidReason };
  // Yjs applies the delete set after the structs, so a range may cover this update's own structs.
  for (const range of decoded.deletes) {
    if (range.clock + range.length > simulation.stateOf(range.client)) simulation.noteMissing(range.client);
  }
  if (simulation.missing.size > 0) return { kind: 'missing-dependencies', missing: simulation.missing };
  const isNew = simulation.addsStructs || decoded.deletes.some((range) => !isRangeDeletedInDoc(doc, range));
  return isNew ? { kind: 'ok', size: update.byteLength } : { kind: 'empty' };
}

/**
 * After applying, true if Yjs parked anything in `pendingStructs` or `pendingDs`. Defence in
 * depth: it should never happen after an `ok` verdict, and a doc in that state must not be
 * persisted or served.
 */
export function hasPendingState(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
