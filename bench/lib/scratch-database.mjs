/*
 * A scratch database on the Postgres server for one Pairboard run of the durable scenario:
 * `pairboard_bench_<random>`, created on BENCH_POSTGRES_URL (default the local server's
 * `postgres` database) and dropped afterwards. An unreachable server is NotMeasured, never faked.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A figure that could not be measured on this machine (and why); the report says so. */
export class NotMeasured extends Error {
  name = 'NotMeasured';
}

export async function createScratchDatabase() {
  const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  const name = `pairboard_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin`create database ${admin(name)}`;
  } catch (error) {
    await admin.end({ timeout: 1 }).catch(() => undefined);
    throw new NotMeasured(`Postgres at ${ADMIN_URL} not usable: ${error.message}`);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end({ timeout: 5 });
    },
  };
}
