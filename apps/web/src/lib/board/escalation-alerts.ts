import type { Incident } from '@pairboard/board-schema';
import { DEFAULT_RESPONSE_TARGETS, escalationState } from '@pairboard/sync-core';

/**
 * Open incidents the server escalated (an `escalated` entry in the current cycle): shown as
 * overdue to the people who answer incidents, minus the ones dismissed on this device. The
 * entry, not a clock on this device, decides, so every screen agrees and a phone with a wrong
 * clock cannot cry wolf. Targets only move the due time, which the entry already records.
 */
export function escalatedAlerts(incidents: readonly Incident[], dismissed: ReadonlySet<string>): Incident[] {
  const now = new Date();
  return incidents.filter(
    (incident) =>
      incident.status === 'open' &&
      !dismissed.has(incident.id) &&
      escalationState(incident, DEFAULT_RESPONSE_TARGETS, now).escalatedAt !== null,
  );
}

/** The time the incident was escalated in its current cycle, or null. */
export function escalatedAt(incident: Incident): string | null {
  return escalationState(incident, DEFAULT_RESPONSE_TARGETS, new Date()).escalatedAt;
}
