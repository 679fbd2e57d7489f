import * as Y from 'yjs';
import type { ClientStructs, DecodedStruct, StructId } from './decoded-update.ts';
import { findStructInRun, isParentInDoc, isParentStruct } from './doc-lookups.ts';

type ItemStruct = Extract<DecodedStruct, { kind: 'item' }>;

/** A client's structs and how many of them the walk has taken, like Yjs's `{ i, refs }`. */
interface Run {
  structs: readonly DecodedStruct[];
  i: number;
}

/** What visiting one struct leads to: nothing more, a dependency to visit first, or a rejection. */
type VisitOutcome = null | { dependency: DecodedStruct } | { invalid: string };

/**
 * Replays Yjs's `integrateStructs` (yjs/src/utils/encoding.js) on decoded structs, tracking only
 * each client's state instead of integrating anything. Walking in the same order with the same
 * stack matters: Yjs does not search for a topological order, so an update it would park in
 * `pendingStructs` (gaps, unseen origins, reference cycles) is reported as missing here too.
 */
export class IntegrationSimulation {
  readonly #doc: Y.Doc;
  readonly #byClient = new Map<number, readonly DecodedStruct[]>();
  readonly #runs = new Map<number, Run>();
  readonly #state = new Map<number, number>();
  #order: number[];
  /** client -> first clock the doc lacks, for every client the update could not be integrated without. */
  readonly missing = new Map<number, number>();
  /** Whether some struct carries clocks the doc does not have yet. */
  addsStructs = false;

  constructor(doc: Y.Doc, clients: readonly ClientStructs[]) {
    this.#doc = doc;
    for (const { client, structs } of clients) {
      this.#byClient.set(client, structs);
      this.#runs.set(client, { structs, i: 0 });
    }
    // Yjs takes the highest client first (it pops from an ascending list).
    this.#order = [...this.#runs.keys()].sort((a, b) => a - b);
  }

  /** The client's clock after integrating everything walked so far. */
  stateOf(client: number): number {
    let state = this.#state.get(client);
    if (state === undefined) {
      state = Y.getState(this.#doc.store, client);
      this.#state.set(client, state);
    }
    return state;
  }

  /** Records that the doc needs `client`'s structs from its current state on. */
  noteMissing(client: number): void {
    const clock = this.stateOf(client);
    const known = this.missing.get(client);
    if (known === undefined || known > clock) this.missing.set(client, clock);
  }

  /** Walks every struct; returns a rejection reason, or null when the walk completes. */
  run(): string | null {
    let current = this.#nextRun();
    if (current === null) return null;
    let head = current.structs[current.i++];
    const stack: DecodedStruct[] = [];
    while (head !== undefined) {
      if (head.kind !== 'skip') {
        const outcome = this.#visit(head, stack);
        if (outcome !== null) {
          if ('invalid' in outcome) return outcome.invalid;
          head = outcome.dependency;
          continue;
        }
      }
      head = stack.pop();
      if (head !== undefined) continue;
      if (current === null || current.i >= current.structs.length) current = this.#nextRun();
      head = current?.structs[current.i++];
    }
    return null;
  }

  #visit(head: Exclude<DecodedStruct, { kind: 'skip' }>, stack: DecodedStruct[]): VisitOutcome {
    const offset = this.stateOf(head.client) - head.clock;
    if (offset < 0) {
      // A gap before this struct (its predecessor is in another update, or behind a Skip).
      stack.push(head);
      this.noteMissing(head.client);
      this.#blockStack(stack);
      return null;
    }
    const missingClient = head.kind === 'item' ? this.#firstMissingDependency(head) : null;
    if (missingClient !== null) {
      stack.push(head);
      const run = this.#runs.get(missingClient);
      const dependency = run?.structs[run.i];
      if (run === undefined || dependency === undefined) {
        this.noteMissing(missingClient);
        this.#blockStack(stack);
        return null;
      }
      run.i++;
      return { dependency };
    }
    if (head.kind === 'item' && head.parentId !== null && !this.#isTypeParent(head.parentId)) {
      const { client, clock } = head.parentId;
      return {
        invalid: `parent ${client}:${clock} of item ${head.client}:${head.clock} is not a shared type`,
      };
    }
    if (offset < head.length) {
      this.#state.set(head.client, head.clock + head.length);
      this.addsStructs = true;
    }
    return null;
  }

  /** Same checks and order as `Item.getMissing`: origin, right origin, then parent. */
  #firstMissingDependency(item: ItemStruct): number | null {
    if (this.#isMissing(item.origin, item.client)) return item.origin?.client ?? null;
    if (this.#isMissing(item.rightOrigin, item.client)) return item.rightOrigin?.client ?? null;
    if (this.#isMissing(item.parentId, item.client)) return item.parentId?.client ?? null;
    return null;
  }

  #isMissing(ref: StructId | null, ownClient: number): boolean {
    // References to the item's own client are checked by the decoder: they must precede it.
    return ref !== null && ref.client !== ownClient && ref.clock >= this.stateOf(ref.client);
  }

  #isTypeParent(parent: StructId): boolean {
    if (parent.clock < Y.getState(this.#doc.store, parent.client)) return isParentInDoc(this.#doc, parent);
    return isParentStruct(findStructInRun(this.#byClient.get(parent.client) ?? [], parent.clock));
  }

  /** Like Yjs's `addStackToRestSS`: every client on the stack is parked and not walked further. */
  #blockStack(stack: DecodedStruct[]): void {
    for (const struct of stack) {
      const run = this.#runs.get(struct.client);
      if (run !== undefined) run.i = run.structs.length;
      this.#runs.delete(struct.client);
      this.#order = this.#order.filter((client) => client !== struct.client);
    }
    stack.length = 0;
  }

  #nextRun(): Run | null {
    for (let client = this.#order.at(-1); client !== undefined; client = this.#order.at(-1)) {
      const run = this.#runs.get(client);
      if (run !== undefined && run.i < run.structs.length) return run;
      this.#order.pop();
    }
    return null;
  }
}
