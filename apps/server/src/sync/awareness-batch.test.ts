import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { AwarenessBatch, type AwarenessFlush } from './awareness-batch.ts';

const docs: Y.Doc[] = [];
afterEach(() => {
  for (const doc of docs.splice(0)) doc.destroy();
});

/** A client's awareness with a state, as the server receives it. */
function clientUpdate(name: string): { id: number; update: Uint8Array } {
  const doc = new Y.Doc();
  docs.push(doc);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ name });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return { id: doc.clientID, update };
}

function serverAwareness(): awarenessProtocol.Awareness {
  const doc = new Y.Doc();
  docs.push(doc);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  return awareness;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('AwarenessBatch', () => {
  it('sends the announcements of one turn as one message holding every state', async () => {
    const server = serverAwareness();
    const flushed: AwarenessFlush<string>[] = [];
    const batch = new AwarenessBatch<string>(server, (f) => flushed.push(f));
    const clients = ['王芳', '李强', 'Ana'].map(clientUpdate);
    clients.forEach(({ id, update }, i) => {
      awarenessProtocol.applyAwarenessUpdate(server, update, `peer-${i}`);
      batch.add([id], 'local', `peer-${i}`);
    });
    expect(flushed).toHaveLength(0);
    await nextTurn();
    expect(flushed).toHaveLength(1);
    expect(flushed[0]?.except).toBeNull();
    expect(flushed[0]?.local).toBe(true);
    // A fresh client applying the one message sees all three people.
    const receiver = serverAwareness();
    awarenessProtocol.applyAwarenessUpdate(receiver, flushed[0]?.update ?? new Uint8Array(), null);
    expect([...receiver.getStates().values()].map((s) => (s as { name: string }).name).sort()).toEqual([
      'Ana',
      '李强',
      '王芳',
    ]);
    server.destroy();
    receiver.destroy();
  });

  it('spares the only sender its own change, and keeps local and remote changes apart', async () => {
    const server = serverAwareness();
    const flushed: AwarenessFlush<string>[] = [];
    const batch = new AwarenessBatch<string>(server, (f) => flushed.push(f));
    const mine = clientUpdate('on this instance');
    const theirs = clientUpdate('on another instance');
    awarenessProtocol.applyAwarenessUpdate(server, mine.update, 'peer-a');
    awarenessProtocol.applyAwarenessUpdate(server, theirs.update, null);
    batch.add([mine.id], 'local', 'peer-a');
    batch.add([theirs.id], 'remote', null);
    await nextTurn();
    expect(flushed.map((f) => [f.local, f.except])).toEqual([
      [true, 'peer-a'],
      [false, null],
    ]);
    server.destroy();
  });
});
