import { describeDocStoreContract } from '@pairboard/sync-core/testing';
import { createBoard } from '@pairboard/db';
import { openTestDatabase } from '@pairboard/db/testing';
import { createPgDocStore } from './pg-doc-store.ts';

// The same DocStore contract the in-memory store passes (DS1–DS5 in sync-core's SPEC.md), on
// the database CI runs: embedded PGlite, or the Postgres server in DATABASE_URL.
describeDocStoreContract(
  `Postgres DocStore (${process.env.DATABASE_URL ? 'server' : 'PGlite'})`,
  async () => {
    const db = await openTestDatabase({ url: process.env.DATABASE_URL });
    return {
      store: createPgDocStore(db),
      async createBoard(id: string) {
        await createBoard(db, { id, name: `contract ${id}` });
      },
      teardown: () => db.close(),
    };
  },
);
