import { describe, expect, it } from 'vitest';
import { createIdentity, parseIdentity } from './identity.ts';

describe('parseIdentity', () => {
  it('reads a stored identity', () => {
    const stored = JSON.stringify({ id: 'u-1', name: '王芳', position: 'remote' });
    expect(parseIdentity(stored)).toEqual({ id: 'u-1', name: '王芳', position: 'remote' });
  });

  it('returns null for nothing stored, broken JSON or a foreign shape', () => {
    expect(parseIdentity(null)).toBeNull();
    expect(parseIdentity('{not json')).toBeNull();
    expect(parseIdentity(JSON.stringify({ id: 'u-1', name: 'A', position: 'backstage' }))).toBeNull();
  });
});

describe('createIdentity', () => {
  it('trims the name and keeps a given id', () => {
    expect(createIdentity('  Li Lei ', 'onsite', 'u-7')).toEqual({
      id: 'u-7',
      name: 'Li Lei',
      position: 'onsite',
    });
  });

  it('makes a fresh random id when none is given', () => {
    expect(createIdentity('A', 'onsite').id).not.toBe(createIdentity('A', 'onsite').id);
  });
});
