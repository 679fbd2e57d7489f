import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBoardTemplate,
  deleteBoardTemplate,
  getBoardTemplate,
  listBoardTemplates,
} from './board-templates.ts';
import type { Database } from './database.ts';
import { UserNotFoundError } from './errors.ts';
import { openTestDatabase, randomTestId } from './testing/index.ts';
import { createUser } from './users.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase({ url: process.env.DATABASE_URL });
});
afterAll(async () => {
  await db.close();
});

const newUser = () =>
  createUser(db, { email: `${randomTestId('user')}@example.org`, name: '王经理', passwordHash: 'h' });

const CONTENT = {
  checklists: [{ title: { 'zh-CN': '签到', en: '签到' }, sections: [] }],
};

describe('board templates', () => {
  it('stores a template with its JSON content and lists an owner’s templates newest first', async () => {
    const owner = await newUser();
    const first = await createBoardTemplate(db, {
      ownerId: owner.id,
      name: '年会模板',
      description: '',
      language: 'zh-CN',
      content: CONTENT,
      sourceBoardId: 'board-1',
    });
    const second = await createBoardTemplate(db, {
      ownerId: owner.id,
      name: 'Launch',
      description: 'our launch',
      language: 'en',
      content: { checklists: [] },
      sourceBoardId: null,
    });
    expect(first).toMatchObject({
      name: '年会模板',
      language: 'zh-CN',
      content: CONTENT,
      sourceBoardId: 'board-1',
    });
    const listed = await listBoardTemplates(db, owner.id);
    expect(listed.map((t) => t.id)).toEqual([second.id, first.id]);
  });

  it('gives and deletes a template only for its owner', async () => {
    const owner = await newUser();
    const other = await newUser();
    const saved = await createBoardTemplate(db, {
      ownerId: owner.id,
      name: 't',
      description: '',
      language: 'en',
      content: CONTENT,
      sourceBoardId: null,
    });
    expect(await getBoardTemplate(db, other.id, saved.id)).toBeNull();
    expect(await deleteBoardTemplate(db, other.id, saved.id)).toBe(false);
    expect((await getBoardTemplate(db, owner.id, saved.id))?.content).toEqual(CONTENT);
    expect(await deleteBoardTemplate(db, owner.id, saved.id)).toBe(true);
    expect(await getBoardTemplate(db, owner.id, saved.id)).toBeNull();
  });

  it('throws UserNotFoundError for an unknown owner', async () => {
    await expect(
      createBoardTemplate(db, {
        ownerId: 'nobody',
        name: 't',
        description: '',
        language: 'en',
        content: CONTENT,
        sourceBoardId: null,
      }),
    ).rejects.toBeInstanceOf(UserNotFoundError);
  });
});
