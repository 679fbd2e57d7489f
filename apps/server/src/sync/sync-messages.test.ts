import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '@pairboard/board-schema';
import {
  decodeClientFrame,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedFrameError,
} from './sync-messages.ts';

describe('decodeClientFrame', () => {
  const doc = new Y.Doc();
  doc.getMap('meta').set('name', '发布会');
  const update = Y.encodeStateAsUpdate(doc);

  it('decodes the three sync messages the y-websocket client sends', () => {
    const sv = Y.encodeStateVector(doc);
    expect(decodeClientFrame(encodeSyncStep1(sv))).toEqual({ type: 'sync-step1', stateVector: sv });
    expect(decodeClientFrame(encodeSyncStep2(update))).toEqual({ type: 'update', update, step2: true });
    expect(decodeClientFrame(encodeUpdate(update))).toEqual({ type: 'update', update, step2: false });
  });

  it('decodes awareness and query-awareness, and reports unknown types without failing', () => {
    expect(decodeClientFrame(Uint8Array.from([MessageType.Awareness, 1, 0]))).toEqual({
      type: 'awareness',
      update: Uint8Array.from([0]),
    });
    expect(decodeClientFrame(Uint8Array.from([MessageType.QueryAwareness]))).toEqual({
      type: 'query-awareness',
    });
    expect(decodeClientFrame(Uint8Array.from([9, 1, 2, 3]))).toEqual({ type: 'unknown', messageType: 9 });
  });

  it.each([
    ['an empty frame', []],
    ['a sync frame without a payload', [0, 2]],
    ['a length prefix past the end', [0, 2, 40, 1, 2]],
    ['an unknown sync sub-type', [0, 7, 0]],
    ['trailing bytes after a known message', [3, 0]],
  ])('throws MalformedFrameError on %s', (_name, bytes) => {
    expect(() => decodeClientFrame(Uint8Array.from(bytes))).toThrow(MalformedFrameError);
  });
});
