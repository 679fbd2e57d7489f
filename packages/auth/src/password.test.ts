import { describe, expect, it } from 'vitest';
import { hashPassword, hashPin, verifyPassword, verifyPin } from './password.ts';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id, m=19456 t=2 p=1, in PHC format', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain('correct horse');
  });

  it('verifies the right password and rejects others', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, 'same password')).toBe(true);
  });

  it('handles non-ASCII passwords', async () => {
    const hash = await hashPassword('密码是 ünïcödé 🔑');
    expect(await verifyPassword(hash, '密码是 ünïcödé 🔑')).toBe(true);
    expect(await verifyPassword(hash, '密码是 unicode 🔑')).toBe(false);
  });

  it('answers false for a stored value that is not an argon2 hash', async () => {
    expect(await verifyPassword('', 'anything')).toBe(false);
    expect(await verifyPassword('plaintext-password', 'plaintext-password')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$broken', 'x')).toBe(false);
  });
});

describe('hashPin / verifyPin', () => {
  it('hashes a PIN with argon2id and verifies only that PIN', async () => {
    const hash = await hashPin('4821');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPin(hash, '4821')).toBe(true);
    expect(await verifyPin(hash, '4822')).toBe(false);
    expect(await verifyPin(hash, '04821')).toBe(false);
  });
});
