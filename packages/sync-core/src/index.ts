/*
 * Public API of @pairboard/sync-core (browser-safe: no node:* imports anywhere under this
 * entry). Server-only things live behind `@pairboard/sync-core/server` (src/server/index.ts).
 */
export type { DocStore, StoredBoard, StoredUpdate, NewUpdate } from './doc-store.ts';

// Board model: the Yjs layout is in docs/board-schema.md.
export type { OpError, OpResult } from './board/result.ts';
export { BoardInitError } from './board/result.ts';
export {
  ROOT as BOARD_ROOTS,
  CONTACTS_ROOT as CONTACTS_ROOTS,
  CONTACTS_DOC_SUFFIX,
  contactsDocName,
} from './board/layout.ts';
export { orderKeyBetween } from './board/order-key.ts';
export { initBoard } from './board/meta.ts';
export { readBoard, observeBoard } from './board/read-board.ts';
export { addPerson, addPair } from './board/people.ts';
export { addChecklist, addSection, addItem } from './board/checklists.ts';
export type { ItemAction } from './board/items.ts';
export { setItemStatus, tickItem, untickItem, verifyItem } from './board/items.ts';
// Two-person sign-off: the rule verifyItem applies, for the UI to offer only what it allows.
export type { SignOffContext, VerifyOptions } from './board/sign-off.ts';
export { verifyRefusal, canVerifyItem, isDoneNotVerified } from './board/sign-off.ts';
export { setItemOwner, setItemDue } from './board/item-assignment.ts';
export type { AddGuestInput } from './board/guests.ts';
export { addGuest } from './board/guests.ts';
// Guests' contact data: a separate document per board (see docs/board-schema.md).
export type { GuestContactInput } from './board/contacts.ts';
export {
  readGuestContacts,
  setGuestContact,
  eraseGuestContact,
  observeGuestContacts,
} from './board/contacts.ts';
export type { CheckInLogEntry } from './board/check-in.ts';
export { checkInGuest, undoCheckIn, guestCheckInConflicts } from './board/check-in.ts';
export type { IncidentNoteStep } from './board/incidents.ts';
export {
  raiseIncident,
  acknowledgeIncident,
  resolveIncident,
  reopenIncident,
  addTimelineEntry,
  readIncidents,
} from './board/incidents.ts';
// Response levels: per-board targets to acknowledge, and escalation past them.
export type { ResponseTargets } from './board/response-targets.ts';
export {
  DEFAULT_RESPONSE_TARGETS,
  MAX_RESPONSE_TARGET_MINUTES,
  readResponseTargets,
  setResponseTargets,
} from './board/response-targets.ts';
export type { EscalationState } from './board/escalation.ts';
export { SYSTEM_ACTOR, changesEscalation, escalationState, escalateIncident } from './board/escalation.ts';

// One seeded PRNG for the demo board and every seeded test (browser-safe, not for secrets).
export { createSeededRandom, randomInt, pickRandom } from './seeded-random.ts';

// Board templates: the four scenario templates and saved (organisation) templates.
export type {
  LocalizedText,
  OwnerPlaceholder,
  TemplateDue,
  TemplateItem,
  TemplateSection,
  TemplateChecklist,
  TemplateContent,
  ScenarioTemplate,
  ScenarioTemplateId,
} from './templates/template-types.ts';
export type { ApplyTemplateOptions, AppliedTemplate } from './templates/apply-template.ts';
export { applyTemplate } from './templates/apply-template.ts';
export { templateFromBoard } from './templates/template-from-board.ts';
export { OWNER_TAGS } from './templates/owner-tags.ts';
export {
  SCENARIO_TEMPLATES,
  SCENARIO_TEMPLATE_IDS,
  getScenarioTemplate,
} from './templates/scenarios/index.ts';

// Guest operations (issue 5): plus-ones, conflicts per row, import preview and export table.
// Reading and writing the files themselves is behind `@pairboard/sync-core/guest-files`.
export type { CompanionLogEntry, GuestArrival } from './board/guest-arrivals.ts';
export {
  readGuestArrivals,
  checkInCompanions,
  checkInGuestWithCompanions,
  undoCompanionCheckIn,
} from './board/guest-arrivals.ts';
export type { GuestImportField, ColumnMapping } from './guests-import/columns.ts';
export {
  GUEST_IMPORT_FIELDS,
  guessColumnMapping,
  checkColumnMapping,
  fieldForHeader,
} from './guests-import/columns.ts';
export type { RowProblem, ImportedGuest } from './guests-import/parse-row.ts';
export { parseGuestRow, describeRowProblem } from './guests-import/parse-row.ts';
export type {
  GuestDuplicate,
  ImportPreview,
  ImportPreviewRow,
  ExistingGuests,
} from './guests-import/preview.ts';
export { buildImportPreview, rowsToImport, summarizePreview } from './guests-import/preview.ts';
export { applyGuestImport } from './guests-import/apply-import.ts';
export type { ExportLanguage, GuestExportOptions } from './guests-import/export-table.ts';
export { buildGuestExportTable } from './guests-import/export-table.ts';
