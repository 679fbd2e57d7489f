import type { MessageKey } from '../../i18n/messages.ts';
import type { LinkStatus } from './offline-doc.svelte.ts';

export interface ConnectionMessage {
  key: MessageKey;
  params?: { count: number };
}

type Forms = readonly [none: MessageKey, one: MessageKey, many: MessageKey];

const FORMS: Record<LinkStatus, Forms> = {
  online: ['connection.onlineSaved', 'connection.onlineSavingOne', 'connection.onlineSaving'],
  paused: ['connection.paused', 'connection.pausedWaitingOne', 'connection.pausedWaiting'],
  offline: ['connection.offline', 'connection.offlineWaitingOne', 'connection.offlineWaiting'],
  reconnecting: [
    'connection.reconnecting',
    'connection.reconnectingWaitingOne',
    'connection.reconnectingWaiting',
  ],
  connecting: ['connection.connecting', 'connection.connectingWaitingOne', 'connection.connectingWaiting'],
};

/**
 * What the Connection badge says: the link and the changes the server has not confirmed yet
 * ("Offline — 12 changes waiting", "Online · all changes saved"). English needs a singular;
 * Chinese uses the same words for both.
 */
export function connectionMessage(status: LinkStatus, unsynced: number): ConnectionMessage {
  const [none, one, many] = FORMS[status];
  if (unsynced <= 0) return { key: none };
  return unsynced === 1 ? { key: one } : { key: many, params: { count: unsynced } };
}
