import { io, type Socket } from 'socket.io-client';
import { ClientView } from '@pairboard/board-schema';
import { classifyRefusal } from './connect-error.ts';

/** `live` once a view arrived; `gone` when the link no longer works (expired, revoked, unknown). */
export type ClientScreenStatus = 'connecting' | 'pin' | 'live' | 'reconnecting' | 'gone';
export type PinProblem = 'required' | 'incorrect' | 'locked';

/** A refused handshake that may be temporary is tried again after this long. */
const RETRY_DELAY_MS = 5_000;

/**
 * The client screen's one connection: the Socket.IO namespace `/client`, authenticated with the
 * share-link token (and PIN). It never opens the Yjs sync endpoint; the server pushes a redacted
 * `client:view` on connect and after changes.
 */
export class ClientScreen {
  view = $state.raw<ClientView | null>(null);
  status = $state<ClientScreenStatus>('connecting');
  pinProblem = $state<PinProblem | null>(null);
  /** Last time the server showed it is there (a view or a heartbeat), for the stale warning. */
  lastContactMs = $state(Date.now());

  readonly #token: string;
  readonly #socket: Socket;
  #retry: ReturnType<typeof setTimeout> | null = null;

  constructor(token: string) {
    this.#token = token;
    this.#socket = io('/client', {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      auth: { token },
    });
    this.#socket.on('client:view', (payload: unknown) => {
      const parsed = ClientView.safeParse(payload);
      if (!parsed.success) {
        console.warn('client view: ignoring a malformed view', parsed.error.issues);
        return;
      }
      this.view = parsed.data;
      this.status = 'live';
      this.lastContactMs = Date.now();
    });
    // The server sends views only on change; its heartbeat proves a quiet board is still current.
    this.#socket.io.on('ping', () => {
      if (this.status === 'live') this.lastContactMs = Date.now();
    });
    this.#socket.on('client:revoked', () => this.#gone());
    this.#socket.on('connect_error', (error) => this.#refused(error.message));
    this.#socket.on('disconnect', (reason) => {
      if (this.status === 'gone') return;
      this.status = 'reconnecting';
      // The server dropped us on purpose (revoked link, or a board it could not load). Socket.IO
      // does not retry that by itself; reconnecting tells which it was: a dead link is refused.
      if (reason === 'io server disconnect') this.#scheduleRetry(0);
    });
  }

  /** Tries again with the PIN the person typed. */
  submitPin(pin: string): void {
    this.#socket.auth = { token: this.#token, pin };
    this.status = 'connecting';
    this.#socket.connect();
  }

  destroy(): void {
    if (this.#retry) clearTimeout(this.#retry);
    this.#socket.removeAllListeners();
    this.#socket.io.off('ping');
    this.#socket.disconnect();
  }

  #refused(message: string): void {
    const refusal = classifyRefusal(message);
    if (refusal.kind === 'gone') this.#gone();
    else if (refusal.kind === 'pin') {
      this.status = 'pin';
      this.pinProblem = refusal.problem;
    } else {
      // Socket.IO retries transport errors itself, but not a refusal by the namespace.
      this.status = this.view ? 'reconnecting' : 'connecting';
      if (!this.#socket.active) this.#scheduleRetry(RETRY_DELAY_MS);
    }
  }

  #gone(): void {
    this.status = 'gone';
    this.view = null;
    if (this.#retry) clearTimeout(this.#retry);
    this.#socket.disconnect();
  }

  #scheduleRetry(delayMs: number): void {
    if (this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (this.status !== 'gone') this.#socket.connect();
    }, delayMs);
  }
}
