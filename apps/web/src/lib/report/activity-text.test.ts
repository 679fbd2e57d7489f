import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { activityText } from './activity-text.ts';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const entry = (action: string, label: string, detail = '') => ({
  action,
  label,
  detail,
  actor: { name: 'Ana' },
});

describe('activityText', () => {
  it('says who did what, with the level of a raised incident translated', () => {
    expect(activityText(entry('item.done', 'Test mics'), en)).toBe('Ana ticked “Test mics”');
    expect(activityText(entry('guest.checked_in', '王芳', '2026-05-20T02:00:00.000Z'), en)).toBe(
      'Ana checked in 王芳',
    );
    expect(activityText(entry('incident.raised', 'Power cut', 'red'), en)).toBe(
      'Ana raised a Red incident “Power cut”',
    );
    expect(activityText(entry('incident.raised', '停电', 'red'), zh)).toBe('Ana 上报红色事件“停电”');
  });

  it('names the server for its own changes and keeps an unknown action readable', () => {
    expect(activityText({ ...entry('incident.escalated', 'Queue'), actor: null }, en)).toBe(
      'Pairboard escalated “Queue”',
    );
    expect(activityText(entry('widget.spun', 'W'), en)).toBe('Ana changed W (widget.spun)');
  });
});
