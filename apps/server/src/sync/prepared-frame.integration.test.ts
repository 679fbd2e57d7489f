import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { waitUntil } from '../testing/wait-for.ts';
import { PreparedFrame, writePrepared } from './prepared-frame.ts';

// Real sockets on 127.0.0.1: a stock ws client must read a prepared frame as one binary
// message, in order with messages sent through ws.send, small (7-bit length), medium (16-bit)
// and large (64-bit).
describe('PreparedFrame', () => {
  let server: WebSocketServer;
  let url: string;
  beforeAll(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('arrives as the same binary messages, in order with ws.send, at every length encoding', async () => {
    const sizes = [3, 125, 126, 1000, 65_535, 65_536, 200_000];
    const messages = sizes.map((size, i) => Uint8Array.from({ length: size }, (_, j) => (i * 31 + j) % 251));
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const client = new WebSocket(url);
    const received: Buffer[] = [];
    const binary: boolean[] = [];
    client.on('message', (data: Buffer, isBinary) => {
      received.push(data);
      binary.push(isBinary);
    });
    const peer = await accepted;
    await new Promise<void>((resolve) => client.once('open', () => resolve()));
    messages.forEach((message, i) => {
      if (i % 2 === 0) writePrepared(peer, new PreparedFrame(message));
      else peer.send(message);
    });
    await waitUntil(() => received.length === messages.length, { message: 'every message arrived' });
    expect(received.map((data) => data.length)).toEqual(sizes);
    received.forEach((data, i) => expect(Buffer.compare(data, Buffer.from(messages[i] ?? []))).toBe(0));
    expect(binary.every(Boolean)).toBe(true);
    client.close();
  });
});

// With permessage-deflate, ws compresses in the background and queues what follows: a prepared
// frame must then go through ws.send, or it would overtake the message being compressed.
describe('PreparedFrame on a compressed connection', () => {
  it('keeps the order of messages sent while ws is compressing', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: { threshold: 0 } });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, {
      perMessageDeflate: true,
    });
    const received: number[] = [];
    client.on('message', (data: Buffer) => received.push(data[0] ?? -1));
    const peer = await accepted;
    await new Promise<void>((resolve) => client.once('open', () => resolve()));
    for (let i = 0; i < 6; i += 1) {
      const message = new Uint8Array(50_000).fill(i);
      if (i % 2 === 0) peer.send(message);
      else writePrepared(peer, new PreparedFrame(message));
    }
    await waitUntil(() => received.length === 6, { message: 'every message arrived' });
    expect(received).toEqual([0, 1, 2, 3, 4, 5]);
    client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
