/** What the client screen does when the `/client` namespace refuses the handshake. */
export type ClientRefusal =
  { kind: 'gone' } | { kind: 'pin'; problem: 'required' | 'incorrect' | 'locked' } | { kind: 'retry' };

/**
 * Maps the server's `connect_error` message (docs/protocol.md, namespace `/client`) to what
 * the screen shows. Anything unknown (a restart, a network hiccup) is retried, never shown as
 * "revoked": only `unauthorized` means the link itself no longer works.
 */
export function classifyRefusal(message: string): ClientRefusal {
  switch (message) {
    case 'unauthorized':
      return { kind: 'gone' };
    case 'pin_required':
      return { kind: 'pin', problem: 'required' };
    case 'pin_incorrect':
      return { kind: 'pin', problem: 'incorrect' };
    case 'pin_locked':
      return { kind: 'pin', problem: 'locked' };
    default:
      return { kind: 'retry' };
  }
}
