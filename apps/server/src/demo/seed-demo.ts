import { hashPassword } from '@pairboard/auth';
import { addMember, createUser, getBoard, getUserByEmail, type Database } from '@pairboard/db';
import { createBoardWithDocument } from '../boards/create-board.ts';
import { PEOPLE } from './demo-data.ts';

/** The demo event has a fixed id, so restarting `npm start` opens the same board with its edits. */
export const DEMO_BOARD_ID = 'demo-smart-city-summit';

/** Shared by every demo account; printed on start. Demo data only: `--demo` is for trying Pairboard. */
export const DEMO_PASSWORD = 'pairboard-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: 'owner' | 'editor' | 'door' | 'observer';
}

/**
 * Accounts for the demo: an organizer (owner), the six staff of the demo board as editors (their
 * user ids are the board's people ids, so pairs and presence line up), a door volunteer and the
 * client's observer.
 */
const DEMO_ACCOUNTS: Array<DemoAccount & { id: string; position: 'onsite' | 'remote' | null }> = [
  { id: 'demo-organizer', email: 'organizer@demo.pairboard', name: '周经理', role: 'owner', position: null },
  ...PEOPLE.map((p) => ({
    id: p.id,
    email: `${p.id.replace('demo-', '')}@demo.pairboard`,
    name: p.name,
    role: 'editor' as const,
    position: p.position,
  })),
  { id: 'demo-door', email: 'door@demo.pairboard', name: '签到志愿者', role: 'door', position: null },
  {
    id: 'demo-observer',
    email: 'observer@demo.pairboard',
    name: '质检观察员',
    role: 'observer',
    position: null,
  },
];

/** Creates the demo board and its accounts on first start; later starts keep what people changed. */
export async function ensureDemoBoard(
  db: Database,
  now: Date,
): Promise<{ boardId: string; accounts: DemoAccount[] }> {
  if (!(await getBoard(db, DEMO_BOARD_ID))) {
    await createBoardWithDocument(
      db,
      { id: DEMO_BOARD_ID, name: '2026 智慧城市峰会 · 上海', template: 'demo' },
      now,
    );
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) {
      const existing = await getUserByEmail(db, account.email);
      const userId =
        existing?.id ??
        (await createUser(db, { id: account.id, email: account.email, name: account.name, passwordHash })).id;
      await addMember(db, { boardId: DEMO_BOARD_ID, userId, role: account.role, position: account.position });
    }
  }
  return { boardId: DEMO_BOARD_ID, accounts: DEMO_ACCOUNTS };
}
