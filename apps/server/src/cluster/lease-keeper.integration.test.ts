import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLease, type Database, type Queryable } from '@pairboard/db';
import { openTestDatabase, randomTestId } from '@pairboard/db/testing';
import { waitUntil } from '../testing/wait-for.ts';
import { LeaseKeeper, type LeaseKeeperOptions } from './lease-keeper.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const started: LeaseKeeper[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((keeper) => keeper.stop()));
});

function capturingLogger() {
  const lines: { msg: string; holder?: string; fence?: number }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) lines.push(JSON.parse(line) as { msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** A keeper whose callbacks are recorded in `events` as 'acquired:<fence>' and 'lost'. */
function keeper(options: Partial<LeaseKeeperOptions> & Pick<LeaseKeeperOptions, 'name' | 'holder'>) {
  const events: string[] = [];
  const k = new LeaseKeeper({
    db,
    ttlMs: 600,
    renewEveryMs: 50,
    logger: pino({ level: 'silent' }),
    onAcquired: (fence) => events.push(`acquired:${fence}`),
    onLost: () => events.push('lost'),
    ...options,
  });
  started.push(k);
  k.start();
  return { keeper: k, events, holder: options.holder };
}

function threeKeepers(name: string, options: Partial<LeaseKeeperOptions> = {}) {
  return ['a', 'b', 'c'].map((holder) => keeper({ name, holder, ...options }));
}

async function waitForOneHolder(keepers: ReturnType<typeof keeper>[], timeoutMs = 3000) {
  await waitUntil(() => keepers.some((k) => k.keeper.isHeld()), { timeoutMs, message: 'no keeper holds' });
  const holders = keepers.filter((k) => k.keeper.isHeld());
  expect(holders).toHaveLength(1);
  return holders[0]!;
}

describe('LeaseKeeper', () => {
  it('lets exactly one of three keepers hold the lease, across renewals', async () => {
    const name = randomTestId('lease');
    const keepers = threeKeepers(name);
    const holder = await waitForOneHolder(keepers);

    // Wait (by the database's own record, not a sleep) until the holder has renewed twice.
    const first = await readLease(db, name);
    let renewals = 0;
    let lastExpiry = first?.expiresAt.getTime();
    await waitUntil(async () => {
      const expiry = (await readLease(db, name))?.expiresAt.getTime();
      if (expiry !== lastExpiry) renewals += 1;
      lastExpiry = expiry;
      return renewals >= 2;
    });

    expect(keepers.filter((k) => k.keeper.isHeld())).toEqual([holder]);
    expect(await readLease(db, name)).toMatchObject({ holder: holder.holder, fence: 1, live: true });
    expect(holder.events).toEqual(['acquired:1']);
    for (const other of keepers) if (other !== holder) expect(other.events).toEqual([]);
  });

  it('hands over at once when the holder stops: lost before release, then the next one acquires', async () => {
    const name = randomTestId('lease');
    // A ttl far longer than the wait below, so only a release can explain the handover.
    const keepers = threeKeepers(name, { ttlMs: 30_000, renewEveryMs: 50 });
    const first = await waitForOneHolder(keepers);

    const stoppedAt = Date.now();
    await first.keeper.stop();
    expect(first.keeper.isHeld()).toBe(false);
    expect(first.events).toEqual(['acquired:1', 'lost']);

    const rest = keepers.filter((k) => k !== first);
    const second = await waitForOneHolder(rest, 2000);
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    expect(second.events).toEqual(['acquired:2']);
    expect(first.keeper.isHeld()).toBe(false);
  });

  it('takes over from a crashed holder only after its lease expires, with a higher fence', async () => {
    const name = randomTestId('lease');
    const ttlMs = 600;
    const keepers = threeKeepers(name, { ttlMs, renewEveryMs: 50 });
    const first = await waitForOneHolder(keepers);
    const expiresAt = (await readLease(db, name))?.expiresAt;

    first.keeper.abandonForTest();
    const crashedAt = Date.now();

    const rest = keepers.filter((k) => k !== first);
    const second = await waitForOneHolder(rest, ttlMs * 5);
    // The last renewal was at most renewEveryMs (plus a round trip) before the crash.
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(ttlMs - 200);
    expect(second.events).toEqual(['acquired:2']);
    const lease = await readLease(db, name);
    expect(lease).toMatchObject({ holder: second.holder, fence: 2 });
    expect(lease!.acquiredAt.getTime()).toBeGreaterThanOrEqual(expiresAt!.getTime());
    // A crashed process calls nothing back.
    expect(first.events).toEqual(['acquired:1']);
  });

  it('keeps the lease through a failed renewal until its estimate runs out, then loses it and recovers', async () => {
    const name = randomTestId('lease');
    let failing = false;
    const flaky: Queryable = {
      query: (text, params) =>
        failing ? Promise.reject(new Error('database unreachable')) : db.query(text, params),
    };
    const { logger, lines } = capturingLogger();
    const k = keeper({
      name,
      holder: 'a',
      db: flaky,
      ttlMs: 1500,
      renewEveryMs: 100,
      safetyMarginMs: 100,
      logger,
    });
    await waitUntil(() => k.keeper.isHeld());

    failing = true;
    const failures = () => lines.filter((l) => l.msg === 'lease acquire or renew failed').length;
    await waitUntil(() => failures() >= 2, { message: 'no failed renewals logged' });
    // Two renewals failed within ~200 ms of a 1400 ms estimate: still held, nothing called back.
    expect(k.keeper.isHeld()).toBe(true);
    expect(k.events).toEqual(['acquired:1']);

    await waitUntil(() => k.events.length === 2, { message: 'onLost not called' });
    expect(performance.now()).toBeGreaterThanOrEqual(k.keeper.heldUntilMs);
    expect(k.keeper.isHeld()).toBe(false);
    expect(k.events).toEqual(['acquired:1', 'lost']);

    failing = false;
    await waitUntil(() => k.keeper.isHeld(), { message: 'not re-acquired' });
    expect(k.events).toEqual(['acquired:1', 'lost', expect.stringMatching(/^acquired:[12]$/)]);
    const changes = lines.filter((l) => l.msg === 'lease acquired' || l.msg === 'lease lost');
    expect(changes.map((l) => l.msg)).toEqual(['lease acquired', 'lease lost', 'lease acquired']);
  });

  it('reports the lease as not held once its local estimate has run out, before any timer fires', async () => {
    const name = randomTestId('lease');
    let nowMs = 1_000_000;
    const k = keeper({ name, holder: 'a', ttlMs: 60_000, renewEveryMs: 20_000, now: () => nowMs });
    await waitUntil(() => k.keeper.isHeld());
    expect(k.keeper.heldUntilMs).toBe(1_000_000 + 60_000 - 1000);

    // As if the process had been paused (GC, a blocked event loop) past the estimate.
    nowMs = k.keeper.heldUntilMs;
    expect(k.keeper.isHeld()).toBe(false);
    expect(k.keeper.fence).toBeNull();
  });

  it('rejects a renewal period that would let the lease lapse between renewals', () => {
    expect(
      () => new LeaseKeeper({ db, name: 'x', holder: 'a', ttlMs: 1000, renewEveryMs: 900, logger: pino() }),
    ).toThrow(/renewEveryMs/);
  });
});
