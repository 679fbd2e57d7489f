import type * as Y from 'yjs';
import { Pair, Person } from '@pairboard/board-schema';
import { createEntity, getEntity, newId, nextOrder, orderedEntities } from './layout.ts';
import { readString } from './fields.ts';
import { describeIssues, fail, ok, type OpResult } from './result.ts';
import { runOp } from './transact.ts';

const PairInput = Pair.omit({ id: true });

/** Adds a staff member under the id the caller gives (their user id). Returns that id. */
export function addPerson(doc: Y.Doc, person: Person, origin: unknown = null): OpResult<string> {
  const parsed = Person.safeParse(person);
  if (!parsed.success) return fail('invalid_input', describeIssues('person', parsed.error.issues));
  const { id, name, position } = parsed.data;
  return runOp(doc, origin, () => {
    if (getEntity(doc, 'people', id)) return fail('invalid_state', `person ${id} already exists`);
    createEntity(doc, 'people', id, { name, position, order: nextOrder(doc, 'people') });
    return ok(id);
  });
}

/** Forms a pair of one on-site and one remote person, both already on the board. Returns the pair id. */
export function addPair(
  doc: Y.Doc,
  input: { name: string; onsiteId: string; remoteId: string },
  origin: unknown = null,
): OpResult<string> {
  const parsed = PairInput.safeParse(input);
  if (!parsed.success) return fail('invalid_input', describeIssues('pair', parsed.error.issues));
  const { name, onsiteId, remoteId } = parsed.data;
  return runOp(doc, origin, () => {
    const onsite = getEntity(doc, 'people', onsiteId);
    const remote = getEntity(doc, 'people', remoteId);
    if (!onsite) return fail('not_found', `person ${onsiteId} not found`);
    if (!remote) return fail('not_found', `person ${remoteId} not found`);
    if (readString(onsite, 'position') !== 'onsite') {
      return fail('invalid_input', `onsiteId must name an on-site person; ${onsiteId} is not on-site`);
    }
    if (readString(remote, 'position') !== 'remote') {
      return fail('invalid_input', `remoteId must name a remote person; ${remoteId} is not remote`);
    }
    const id = newId();
    createEntity(doc, 'pairs', id, { name, onsiteId, remoteId, order: nextOrder(doc, 'pairs') });
    return ok(id);
  });
}

export function readPeople(doc: Y.Doc): Person[] {
  return orderedEntities(doc, 'people').map(([id, map]) => ({
    id,
    name: readString(map, 'name'),
    position: readString(map, 'position') === 'remote' ? 'remote' : 'onsite',
  }));
}

export function readPairs(doc: Y.Doc): Pair[] {
  return orderedEntities(doc, 'pairs').map(([id, map]) => ({
    id,
    name: readString(map, 'name'),
    onsiteId: readString(map, 'onsiteId'),
    remoteId: readString(map, 'remoteId'),
  }));
}
