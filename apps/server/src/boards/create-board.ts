import * as Y from 'yjs';
import { createBoard as insertBoard, appendUpdates, type BoardRow, type Database } from '@pairboard/db';
import {
  addChecklist,
  addSection,
  applyTemplate,
  initBoard,
  type TemplateContent,
} from '@pairboard/sync-core';
import { ErrorCode, type BoardLanguage } from '@pairboard/board-schema';
import { buildDemoBoard } from '../demo/demo-board.ts';
import { AppError } from '../errors.ts';

/** An empty board, the demo event, or a board laid out from a template's checklists. */
export type BoardTemplate = 'empty' | 'demo' | { content: TemplateContent };

export interface CreateBoardInput {
  id?: string;
  name: string;
  template: BoardTemplate;
  language?: BoardLanguage;
  timezone?: string;
  /** The event's start (ISO); template due times count from it. */
  startsAt?: string;
}

const HOUR_MS = 60 * 60 * 1000;
const EVENT_LENGTH_MS = 10 * HOUR_MS;
/**
 * Without a start, a template board's event is a week out: its preparation items (due days
 * before the start) are then ahead of the team, not already overdue.
 */
const TEMPLATE_LEAD_MS = 7 * 24 * HOUR_MS;

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
    } else if (input.template === 'empty') {
      writeEmptyBoard(doc, input, now);
    } else {
      writeTemplateBoard(doc, input, input.template.content, now);
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

function initMeta(doc: Y.Doc, input: CreateBoardInput, start: Date): void {
  initBoard(doc, {
    name: input.name,
    venue: '',
    timezone: input.timezone ?? 'Asia/Shanghai',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + EVENT_LENGTH_MS).toISOString(),
    language: input.language ?? 'zh-CN',
  });
}

function writeTemplateBoard(doc: Y.Doc, input: CreateBoardInput, content: TemplateContent, now: Date): void {
  const start = input.startsAt ? new Date(input.startsAt) : new Date(now.getTime() + TEMPLATE_LEAD_MS);
  initMeta(doc, input, start);
  const applied = applyTemplate(doc, content, {
    language: input.language ?? 'zh-CN',
    startsAt: start.toISOString(),
    timezone: input.timezone ?? 'Asia/Shanghai',
  });
  if (!applied.ok) throw new AppError(ErrorCode.BadRequest, 400, applied.error.message);
}

function writeEmptyBoard(doc: Y.Doc, input: CreateBoardInput, now: Date): void {
  const language = input.language ?? 'zh-CN';
  initMeta(doc, input, input.startsAt ? new Date(input.startsAt) : now);
  const checklist = addChecklist(doc, { title: language === 'zh-CN' ? '任务清单' : 'Checklist' });
  if (checklist.ok)
    addSection(doc, { checklistId: checklist.value, title: language === 'zh-CN' ? '准备' : 'Preparation' });
}
