import * as Y from 'yjs';
import { createBoard as insertBoard, appendUpdates, type BoardRow, type Database } from '@pairboard/db';
import { addChecklist, addSection, initBoard } from '@pairboard/sync-core';
import type { BoardLanguage } from '@pairboard/board-schema';
import { buildDemoBoard } from '../demo/demo-board.ts';

export type BoardTemplate = 'empty' | 'demo';

export interface CreateBoardInput {
  id?: string;
  name: string;
  template: BoardTemplate;
  language?: BoardLanguage;
  timezone?: string;
}

/**
 * Creates a board and writes its first document state on the server, so no client ever has
 * to seed a board (a client that seeds what it believes is an empty board can overwrite a real
 * one when its first sync answer is late).
 */
export async function createBoardWithDocument(
  db: Database,
  input: CreateBoardInput,
  now: Date,
): Promise<BoardRow> {
  const doc = new Y.Doc();
  const contacts = new Y.Doc();
  try {
    if (input.template === 'demo') {
      buildDemoBoard(doc, contacts, now);
      doc.getMap('meta').set('name', input.name);
    } else {
      writeEmptyBoard(doc, input, now);
    }
    const row = await insertBoard(db, { id: input.id, name: input.name });
    await appendUpdates(db, row.id, [{ seq: 1, bytes: Y.encodeStateAsUpdate(doc), author: null }], 'main');
    if (input.template === 'demo') {
      await appendUpdates(
        db,
        row.id,
        [{ seq: 1, bytes: Y.encodeStateAsUpdate(contacts), author: null }],
        'contacts',
      );
    }
    return row;
  } finally {
    doc.destroy();
    contacts.destroy();
  }
}

function writeEmptyBoard(doc: Y.Doc, input: CreateBoardInput, now: Date): void {
  const language = input.language ?? 'zh-CN';
  const end = new Date(now.getTime() + 10 * 60 * 60 * 1000);
  initBoard(doc, {
    name: input.name,
    venue: '',
    timezone: input.timezone ?? 'Asia/Shanghai',
    startsAt: now.toISOString(),
    endsAt: end.toISOString(),
    language,
  });
  const checklist = addChecklist(doc, { title: language === 'zh-CN' ? '任务清单' : 'Checklist' });
  if (checklist.ok)
    addSection(doc, { checklistId: checklist.value, title: language === 'zh-CN' ? '准备' : 'Preparation' });
}
