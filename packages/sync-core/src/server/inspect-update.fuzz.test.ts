import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { craftUpdate, type CraftedContent, type CraftedStruct } from './craft-update.ts';
import { inspectUpdate, type UpdateVerdict } from './inspect-update.ts';
import { createSeededRandom, randomInt } from './seeded-random.ts';
import {
  applyRaw,
  buildSampleDoc,
  captureUpdate,
  cloneDoc,
  newDoc,
  sampleCard,
  syncDocs,
} from './update-fixtures.ts';

const SEED = 0x5eed_2026;
const CASES = 2_000;

/** A server that has the sample board, and real updates of every verdict kind to mutate. */
function fuzzSetting(): { server: Y.Doc; samples: Uint8Array[] } {
  const base = buildSampleDoc(7);
  const server = cloneDoc(base, 1);
  const client = cloneDoc(base, 2);
  const unseen = captureUpdate(client, (doc) => doc.getText('notes').insert(2, 'unseen'));
  const samples = [
    Y.encodeStateAsUpdate(base),
    unseen,
    captureUpdate(client, (doc) => doc.getText('notes').delete(1, 4)),
    captureUpdate(client, (doc) => sampleCard(doc).set('k', { deep: ['v', 1.5, null] })),
    captureUpdate(client, (doc) => doc.getArray('items').insert(0, [new Y.Map([['a', new Y.Text('t')]])])),
    captureUpdate(client, (doc) => doc.getText('notes').format(0, 3, { italic: true })),
  ];
  const other = newDoc(3);
  syncDocs(client, other);
  samples.push(
    Y.mergeUpdates([unseen, captureUpdate(other, (doc) => doc.getXmlFragment('xml').delete(0, 1))]),
  );
  return { server, samples };
}

/** Bit flips, byte edits, insertions, deletions, truncations and splices of a real update. */
function mutate(random: () => number, samples: Uint8Array[]): Uint8Array {
  const bytes = [...(samples[randomInt(random, samples.length)] ?? [])];
  const edits = random() < 0.6 ? 1 : 2 + randomInt(random, 2);
  for (let e = 0; e < edits; e++) {
    const at = randomInt(random, bytes.length + 1);
    switch (randomInt(random, 6)) {
      case 0:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << randomInt(random, 8));
        break;
      case 1:
        bytes[at] = randomInt(random, 256);
        break;
      case 2:
        bytes.splice(at, 0, randomInt(random, 256));
        break;
      case 3:
        bytes.splice(at, 1 + randomInt(random, 4));
        break;
      case 4:
        bytes.length = at;
        break;
      default:
        bytes.splice(
          at,
          0,
          ...(samples[randomInt(random, samples.length)] ?? []).slice(0, randomInt(random, 12)),
        );
    }
  }
  return Uint8Array.from(bytes);
}

/** Short garbage biased toward small bytes, so it gets past the leading counts now and then. */
function garbage(random: () => number): Uint8Array {
  const length = randomInt(random, 48);
  return Uint8Array.from({ length }, () => (random() < 0.7 ? randomInt(random, 8) : randomInt(random, 256)));
}

const CLIENTS = [2, 3, 7, 7, 7, 40];

/** A random ID near what the server knows, so it is sometimes present and sometimes not. */
function randomId(random: () => number, server: Y.Doc): [number, number] {
  const client = CLIENTS[randomInt(random, CLIENTS.length)] ?? 2;
  return [client, randomInt(random, Y.getState(server.store, client) + (random() < 0.8 ? 0 : 3)) || 0];
}

function randomContent(random: () => number): CraftedContent {
  const contents: CraftedContent[] = [
    { any: [randomInt(random, 9)] },
    { string: 'ab'.slice(0, 1 + randomInt(random, 2)) },
    { type: randomInt(random, 7), name: 'p' },
    { deleted: 1 + randomInt(random, 3) },
    { embedJson: '{"a":1}' },
  ];
  return contents[randomInt(random, contents.length)] ?? { any: [1] };
}

function randomStruct(random: () => number, server: Y.Doc): CraftedStruct {
  const roll = random();
  if (roll < 0.08) return { gc: 1 + randomInt(random, 3) };
  if (roll < 0.14) return { skip: 1 + randomInt(random, 3) };
  const origin = random() < 0.5 ? randomId(random, server) : undefined;
  const rightOrigin = random() < 0.3 ? randomId(random, server) : undefined;
  const parent =
    random() < 0.7
      ? { key: ['notes', 'items', 'meta'][randomInt(random, 3)] ?? 'meta' }
      : { id: randomId(random, server) };
  return {
    origin,
    rightOrigin,
    parent,
    parentSub: random() < 0.3 ? 'k' : undefined,
    content: randomContent(random),
  };
}

/** A well-formed update with random structs, references and deletes around the server's state. */
function randomWellFormed(random: () => number, server: Y.Doc): Uint8Array {
  const clients = [
    ...new Set(
      Array.from({ length: 1 + randomInt(random, 3) }, () => CLIENTS[randomInt(random, CLIENTS.length)] ?? 2),
    ),
  ];
  return craftUpdate({
    clients: clients.map((client) => ({
      client,
      clock:
        random() < 0.7
          ? Y.getState(server.store, client)
          : randomInt(random, Y.getState(server.store, client) + 2),
      structs: Array.from({ length: 1 + randomInt(random, 4) }, () => randomStruct(random, server)),
    })),
    deletes:
      random() < 0.4
        ? [
            {
              client: CLIENTS[randomInt(random, CLIENTS.length)] ?? 2,
              ranges: [[randomInt(random, 8), 1 + randomInt(random, 3)]],
            },
          ]
        : [],
  });
}

/** What raw Yjs does with the bytes, checked against the verdict. */
function checkAgainstYjs(server: Y.Doc, bytes: Uint8Array, verdict: UpdateVerdict, label: string): void {
  if (verdict.kind === 'invalid') return; // stricter than Yjs on purpose: nothing to compare
  const raw = cloneDoc(server);
  const before = Y.snapshot(raw);
  const outcome = applyRaw(raw, bytes);
  if (verdict.kind === 'ok') {
    expect(outcome, `${label}: ok must apply cleanly`).toEqual({ threw: false, pending: false });
  } else if (verdict.kind === 'empty') {
    expect(outcome, `${label}: empty must apply cleanly`).toEqual({ threw: false, pending: false });
    expect(Y.equalSnapshots(before, Y.snapshot(raw)), `${label}: empty must change nothing`).toBe(true);
  } else if (verdict.kind === 'missing-dependencies') {
    expect(outcome.threw || outcome.pending, `${label}: Yjs must park or fail what is missing`).toBe(true);
  }
}

describe('inspectUpdate fuzz (UV1–UV9)', () => {
  it(`never throws, and agrees with raw Yjs on ${CASES} seeded garbage, random and mutated updates (seed ${SEED})`, () => {
    const { server, samples } = fuzzSetting();
    const random = createSeededRandom(SEED);
    const seen: Record<UpdateVerdict['kind'], number> = {
      ok: 0,
      empty: 0,
      'missing-dependencies': 0,
      invalid: 0,
    };
    for (let i = 0; i < CASES; i++) {
      const bytes =
        i % 4 === 0
          ? garbage(random)
          : i % 4 === 1
            ? randomWellFormed(random, server)
            : mutate(random, samples);
      const label = `seed ${SEED} case ${i} bytes [${bytes.join(',')}]`;
      let verdict: UpdateVerdict = { kind: 'invalid', reason: 'not inspected' };
      expect(() => (verdict = inspectUpdate(server, bytes)), label).not.toThrow();
      seen[verdict.kind]++;
      checkAgainstYjs(server, bytes, verdict, label);
    }
    // Guards against a fuzz that only ever produces garbage.
    expect(seen.ok).toBeGreaterThan(40);
    expect(seen.empty).toBeGreaterThan(5);
    expect(seen['missing-dependencies']).toBeGreaterThan(100);
    expect(seen.invalid).toBeGreaterThan(500);
  });
});
