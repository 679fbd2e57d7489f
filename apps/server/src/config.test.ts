import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('gives a working default configuration on the embedded database', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '.data/pairboard',
    });
    expect(result.config.maxFrameBytes).toBe(1024 * 1024);
  });

  it('ignores DATA_DIR when a Postgres server is configured', () => {
    const result = parseConfig({ DATABASE_URL: 'postgres://u@db:5432/pairboard', DATA_DIR: '/data' });
    expect(result.ok && result.config.dataDir).toBeUndefined();
  });

  it('reports every invalid variable at once, naming each', () => {
    const result = parseConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
      MAX_FRAME_BYTES: '-1',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'MAX_FRAME_BYTES']) expect(text).toContain(name);
    expect(text).toContain('must be a postgres:// or postgresql:// URL');
  });

  it('reads the cluster settings, and refuses Redis without a Postgres server', () => {
    const clustered = parseConfig({
      DATABASE_URL: 'postgres://u@db:5432/pairboard',
      REDIS_URL: 'redis://redis:6379',
      INSTANCE_ID: 'app-1',
    });
    expect(clustered.ok && clustered.config).toMatchObject({
      redisUrl: 'redis://redis:6379',
      instanceId: 'app-1',
    });
    const alone = parseConfig({});
    expect(alone.ok && alone.config.redisUrl).toBeUndefined();
    expect(alone.ok && alone.config.trustProxy).toBe(0);
    expect(alone.ok && alone.config.boardLog).toBe('database');
    const memoryCluster = parseConfig({
      DATABASE_URL: 'postgres://u@db/p',
      REDIS_URL: 'redis://r',
      BOARD_LOG: 'memory',
    });
    expect(!memoryCluster.ok && memoryCluster.problems.join()).toContain(
      'BOARD_LOG: memory cannot be shared',
    );
    const behindBalancer = parseConfig({ TRUST_PROXY: '1' });
    expect(behindBalancer.ok && behindBalancer.config.trustProxy).toBe(1);
    const embedded = parseConfig({ REDIS_URL: 'redis://redis:6379' });
    expect(embedded.ok).toBe(false);
    if (!embedded.ok) expect(embedded.problems.join('\n')).toContain('REDIS_URL: needs DATABASE_URL');
    const bad = parseConfig({ DATABASE_URL: 'postgres://u@db/p', REDIS_URL: 'http://x', INSTANCE_ID: 'a b' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/REDIS_URL[\s\S]*INSTANCE_ID/);
  });
});
