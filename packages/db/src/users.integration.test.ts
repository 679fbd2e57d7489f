import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { EmailTakenError } from './errors.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';
import { createUser, getUserByEmail, getUserById } from './users.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const randomEmail = () => `${randomTestId('user')}@example.org`;

describe('createUser', () => {
  it('creates a user with a random UUID and reads it back by id, without the password hash', async () => {
    const email = randomEmail();
    const user = await createUser(db, { email, name: 'Ana Lima', passwordHash: '$argon2id$stub' });

    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      email,
      name: 'Ana Lima',
      createdAt: expect.any(Date) as Date,
    });
    expect(await getUserById(db, user.id)).toEqual(user);
    expect(await getUserById(db, user.id)).not.toHaveProperty('passwordHash');
  });

  it('uses the id it is given', async () => {
    const id = randomTestId('user');
    const user = await createUser(db, { id, email: randomEmail(), name: 'Given Id', passwordHash: 'h' });
    expect(user.id).toBe(id);
  });

  it('throws EmailTakenError for an email already used in any letter case, keeping the first account', async () => {
    const email = randomEmail();
    const first = await createUser(db, { email, name: 'First', passwordHash: 'h1' });

    const error = await createUser(db, {
      email: email.toUpperCase(),
      name: 'Second',
      passwordHash: 'h2',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTakenError);
    expect(error).toMatchObject({ email: email.toUpperCase() });
    expect(await getUserByEmail(db, email)).toMatchObject({
      id: first.id,
      name: 'First',
      passwordHash: 'h1',
    });
  });

  it('lets exactly one of two concurrent sign-ups with one email through', async () => {
    const email = randomEmail();
    const results = await Promise.allSettled([
      createUser(db, { email, name: 'A', passwordHash: 'h' }),
      createUser(db, { email: email.toUpperCase(), name: 'B', passwordHash: 'h' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(EmailTakenError);
  });
});

describe('getUserByEmail', () => {
  it('finds the user ignoring case and returns the password hash for sign-in', async () => {
    const email = `Mixed.${randomTestId('Case')}@Example.org`;
    const user = await createUser(db, { email, name: 'Mixed', passwordHash: '$argon2id$v=19$abc' });
    expect(await getUserByEmail(db, email.toLowerCase())).toEqual({
      ...user,
      passwordHash: '$argon2id$v=19$abc',
    });
    expect(await getUserByEmail(db, email.toUpperCase())).toMatchObject({ id: user.id, email });
  });

  it('returns null for an unknown email or id', async () => {
    expect(await getUserByEmail(db, randomEmail())).toBeNull();
    expect(await getUserById(db, randomTestId('missing'))).toBeNull();
  });
});
