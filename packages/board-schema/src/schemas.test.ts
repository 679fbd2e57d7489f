import { describe, expect, it } from 'vitest';
import { BoardJoin, RaiseIncidentInput } from './index.ts';

describe('board-schema', () => {
  it('fills defaults for a minimal incident and trims text', () => {
    expect(RaiseIncidentInput.parse({ title: '  B厅投影故障 ', level: 'yellow' })).toEqual({
      title: 'B厅投影故障',
      level: 'yellow',
      category: '',
      zone: '',
      owner: null,
      note: '',
    });
  });

  it('says which levels are allowed when given another', () => {
    const result = RaiseIncidentInput.safeParse({ title: 'x', level: 'orange' });
    expect(result.success).toBe(false);
    const message = result.error?.issues[0]?.message ?? '';
    for (const level of ['blue', 'yellow', 'red']) expect(message).toContain(level);
  });

  it('refuses board ids that could escape a path or a room name', () => {
    for (const boardId of ['../etc', 'a/b', '', 'x'.repeat(65), 'board id']) {
      const result = BoardJoin.safeParse({ boardId, user: { id: 'u', name: 'n', position: 'onsite' } });
      expect(result.success).toBe(false);
    }
  });
});
