import { isAbortError } from '../errors.ts';

/** A list loaded from the API, reloadable after a change, with its last load error. */
export class RemoteList<T> {
  items = $state.raw<T[]>([]);
  loaded = $state(false);
  /** The error of the last load, for the section to show; null when it worked. */
  error = $state<unknown>(null);

  readonly #fetch: (signal?: AbortSignal) => Promise<T[]>;

  constructor(fetchItems: (signal?: AbortSignal) => Promise<T[]>) {
    this.#fetch = fetchItems;
  }

  async reload(signal?: AbortSignal): Promise<void> {
    try {
      this.items = await this.#fetch(signal);
      this.error = null;
      this.loaded = true;
    } catch (error) {
      if (isAbortError(error)) return;
      console.error('could not load a list', error);
      this.error = error;
    }
  }
}
