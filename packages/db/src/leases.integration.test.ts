import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { readLease, releaseLease, tryAcquireLease } from './leases.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';
import { toDate } from './values.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const LONG_TTL_MS = 60_000;

/** Polls (no fixed sleep) until the lease has lapsed by the database's clock. */
async function waitUntilLapsed(name: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readLease(db, name))?.live !== false) {
    if (Date.now() > deadline) throw new Error(`lease ${name} still live after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('tryAcquireLease', () => {
  it('gives a free lease to exactly one of 20 racing holders', async () => {
    const name = randomTestId('lease');
    const holders = Array.from({ length: 20 }, (_, i) => `instance-${i}`);

    const attempts = await Promise.all(holders.map((h) => tryAcquireLease(db, name, h, LONG_TTL_MS)));

    const winners = holders.filter((_, i) => attempts[i]?.held);
    expect(winners).toHaveLength(1);
    const lease = await readLease(db, name);
    expect(lease).toMatchObject({ holder: winners[0], fence: 1, live: true });
    for (const attempt of attempts) {
      if (!attempt.held)
        expect(attempt).toEqual({ held: false, holder: winners[0], expiresAt: lease?.expiresAt });
    }
  });

  it('renews for the same holder: later expiry, same fence and acquisition time', async () => {
    const name = randomTestId('lease');
    const first = await tryAcquireLease(db, name, 'a', LONG_TTL_MS);
    const acquiredAt = (await readLease(db, name))?.acquiredAt;

    const renewed = await tryAcquireLease(db, name, 'a', LONG_TTL_MS * 2);

    expect(first.held && renewed.held).toBe(true);
    if (!first.held || !renewed.held) return;
    expect(renewed.fence).toBe(first.fence);
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(first.expiresAt.getTime());
    expect((await readLease(db, name))?.acquiredAt).toEqual(acquiredAt);
    expect(await tryAcquireLease(db, name, 'b', LONG_TTL_MS)).toMatchObject({ held: false, holder: 'a' });
  });

  it('lets another holder take an expired lease, with a higher fence', async () => {
    const name = randomTestId('lease');
    expect(await tryAcquireLease(db, name, 'a', 20)).toMatchObject({ held: true, fence: 1 });

    await waitUntilLapsed(name);
    const taken = await tryAcquireLease(db, name, 'b', LONG_TTL_MS);

    expect(taken).toMatchObject({ held: true, fence: 2 });
    expect(await tryAcquireLease(db, name, 'a', LONG_TTL_MS)).toMatchObject({ held: false, holder: 'b' });
  });

  it('starts a new tenure (higher fence) when the same holder comes back after its lease lapsed', async () => {
    const name = randomTestId('lease');
    await tryAcquireLease(db, name, 'a', 20);
    await waitUntilLapsed(name);

    expect(await tryAcquireLease(db, name, 'a', LONG_TTL_MS)).toMatchObject({ held: true, fence: 2 });
  });

  it('measures expiry on the database clock, from the time of the call', async () => {
    const name = randomTestId('lease');
    const [before] = await db.query<{ now: unknown }>('select now() as now');
    const attempt = await tryAcquireLease(db, name, 'a', LONG_TTL_MS);

    const dbNow = toDate(before?.now, 'now').getTime();
    expect(attempt.expiresAt.getTime() - dbNow).toBeGreaterThanOrEqual(LONG_TTL_MS);
    expect(attempt.expiresAt.getTime() - dbNow).toBeLessThan(LONG_TTL_MS + 5000);
  });

  it('rejects a ttl that is not a positive number', async () => {
    await expect(tryAcquireLease(db, randomTestId('lease'), 'a', 0)).rejects.toThrow(/ttlMs/);
  });
});

describe('releaseLease', () => {
  it('hands the lease over at once, keeping the fence growing', async () => {
    const name = randomTestId('lease');
    await tryAcquireLease(db, name, 'a', LONG_TTL_MS);

    expect(await releaseLease(db, name, 'a')).toBe(true);

    expect(await readLease(db, name)).toMatchObject({ holder: 'a', live: false });
    expect(await tryAcquireLease(db, name, 'b', LONG_TTL_MS)).toMatchObject({ held: true, fence: 2 });
  });

  it('does nothing when called by a holder that does not have the lease', async () => {
    const name = randomTestId('lease');
    await tryAcquireLease(db, name, 'a', LONG_TTL_MS);

    expect(await releaseLease(db, name, 'b')).toBe(false);

    expect(await readLease(db, name)).toMatchObject({ holder: 'a', live: true, fence: 1 });
    expect(await tryAcquireLease(db, name, 'b', LONG_TTL_MS)).toMatchObject({ held: false, holder: 'a' });
  });

  it('returns false for a lease never taken', async () => {
    expect(await releaseLease(db, randomTestId('lease'), 'a')).toBe(false);
    expect(await readLease(db, randomTestId('lease'))).toBeNull();
  });
});
