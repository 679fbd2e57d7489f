import { describe, expect, it } from 'vitest';
import { boardAccess } from './access.ts';

describe('boardAccess', () => {
  it('gives owners every panel, contacts, pairs and the share page', () => {
    expect(boardAccess('owner')).toMatchObject({
      panels: ['checklists', 'guests', 'incidents', 'people'],
      canWrite: true,
      contacts: true,
      formPairs: true,
      share: true,
    });
  });

  it('lets editors edit and see contacts, but not form pairs or share', () => {
    expect(boardAccess('editor')).toMatchObject({
      editBoard: true,
      checkIn: true,
      contacts: true,
      formPairs: false,
      share: false,
    });
  });

  it('shows door staff only the guest panel, without contact data', () => {
    const door = boardAccess('door');
    expect(door.panels).toEqual(['guests']);
    expect(door).toMatchObject({ checkIn: true, editBoard: false, contacts: false, people: false });
  });

  it('shows observers everything with no write control at all', () => {
    const observer = boardAccess('observer');
    expect(observer.panels).toHaveLength(4);
    expect(observer).toMatchObject({
      canWrite: false,
      editBoard: false,
      checkIn: false,
      formPairs: false,
      contacts: true,
    });
  });

  it('offers no write without canWrite, for every role', () => {
    for (const role of ['owner', 'editor', 'door', 'observer'] as const) {
      const access = boardAccess(role);
      if (!access.canWrite) expect(access.editBoard || access.checkIn || access.formPairs).toBe(false);
    }
  });
});
