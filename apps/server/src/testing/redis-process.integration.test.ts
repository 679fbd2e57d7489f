import { afterAll, describe, expect, it } from 'vitest';
import { answersPing, startRedis, type RedisProcess } from './redis-process.ts';

const started: RedisProcess[] = [];
afterAll(async () => {
  for (const redis of started) await redis.stop();
});

describe('startRedis', () => {
  it('starts a private redis-server that answers PING on its own port, not 6379', async () => {
    const redis = await startRedis();
    started.push(redis);

    expect(redis.port).not.toBe(6379);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await answersPing(redis.port)).toBe(true);
  });

  it('is gone after kill and answers again on the same port after restart', async () => {
    const redis = await startRedis();
    started.push(redis);

    await redis.kill();
    expect(await answersPing(redis.port)).toBe(false);

    await redis.restart();
    expect(await answersPing(redis.port)).toBe(true);
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
  });

  it('no longer answers once stopped', async () => {
    const redis = await startRedis();

    await redis.stop();

    expect(await answersPing(redis.port)).toBe(false);
  });
});
