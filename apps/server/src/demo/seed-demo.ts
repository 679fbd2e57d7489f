import { getBoard, type Database } from '@pairboard/db';
import { createBoardWithDocument } from '../boards/create-board.ts';

/** The demo event has a fixed id, so restarting `npm start` opens the same board with its edits. */
export const DEMO_BOARD_ID = 'demo-smart-city-summit';

/** Creates the demo board on first start; later starts keep whatever people changed on it. */
export async function ensureDemoBoard(db: Database, now: Date): Promise<string> {
  if (!(await getBoard(db, DEMO_BOARD_ID))) {
    await createBoardWithDocument(
      db,
      { id: DEMO_BOARD_ID, name: '2026 智慧城市峰会 · 上海', template: 'demo' },
      now,
    );
  }
  return DEMO_BOARD_ID;
}
