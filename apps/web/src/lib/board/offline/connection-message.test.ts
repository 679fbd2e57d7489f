import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate.ts';
import { connectionMessage } from './connection-message.ts';
import type { LinkStatus } from './offline-doc.svelte.ts';

function say(status: LinkStatus, unsynced: number, locale: 'en' | 'zh-CN' = 'en'): string {
  const { key, params } = connectionMessage(status, unsynced);
  return translate(locale, key, params);
}

describe('connectionMessage', () => {
  it('says all changes are saved only when the server confirmed every one', () => {
    expect(say('online', 0)).toBe('Online · all changes saved');
    expect(say('online', 3)).toBe('Online · saving 3 changes');
    expect(say('online', 1)).toBe('Online · saving 1 change');
  });

  it('counts the changes waiting while offline, in English and Chinese', () => {
    expect(say('offline', 12)).toBe('Offline — 12 changes waiting');
    expect(say('offline', 1)).toBe('Offline — 1 change waiting');
    expect(say('offline', 0)).toBe('Offline');
    expect(say('offline', 12, 'zh-CN')).toBe('离线 — 12 条更改待同步');
    expect(say('online', 0, 'zh-CN')).toBe('在线 · 所有更改已保存');
  });

  it('says saving is paused while the server cannot store changes, in English and Chinese', () => {
    expect(say('paused', 0)).toBe('Online · saving paused');
    expect(say('paused', 3)).toBe(
      'Saving paused — the server cannot store changes; 3 changes kept on this device',
    );
    expect(say('paused', 1, 'zh-CN')).toBe('暂停保存 — 服务器暂时无法存储，1 条更改保存在本设备');
  });

  it('tells reconnecting apart from the first connection', () => {
    expect(say('reconnecting', 5)).toBe('Reconnecting — 5 changes waiting');
    expect(say('reconnecting', 0)).toBe('Reconnecting…');
    expect(say('connecting', 2)).toBe('Connecting — 2 changes waiting');
    expect(say('connecting', 0)).toBe('Connecting…');
  });
});
