import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { EN, ZH_CN, type MessageKey } from './messages.ts';
import { detectLocale, parseLocale, translate } from './translate.ts';

/** Argument names of an ICU message: `{name}` and `{name, plural, …}` alike. */
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((match) => match[1] ?? ''))].sort();

describe('translate', () => {
  it('returns the message of the requested locale', () => {
    expect(translate('en', 'connection.online')).toBe('Online');
    expect(translate('zh-CN', 'connection.online')).toBe('在线');
  });

  it('fills every placeholder with its parameter', () => {
    expect(translate('en', 'guests.checkedIn', { name: 'Li Lei', time: '10:42' })).toBe(
      'Checked in by Li Lei at 10:42',
    );
    expect(translate('zh-CN', 'checklists.progress', { done: 3, total: 7 })).toBe('已完成 3/7');
  });

  it('leaves a placeholder without a parameter visible', () => {
    expect(translate('en', 'checklists.verify', {})).toBe('Verify {title}');
  });

  it('picks the plural form and writes numbers the locale way', () => {
    expect(translate('en', 'connection.offlineWaiting', { count: 1 })).toBe('Offline — 1 change waiting');
    expect(translate('en', 'connection.offlineWaiting', { count: 5 })).toBe('Offline — 5 changes waiting');
    expect(translate('en', 'guests.countAll', { total: 10000 })).toBe('10,000 guests');
    expect(translate('zh-CN', 'connection.offlineWaiting', { count: 12 })).toBe('离线 — 12 条更改待同步');
  });

  it('names the target language on the switch in that language', () => {
    expect(translate('en', 'language.switch')).toBe('中文');
    expect(translate('zh-CN', 'language.switch')).toBe('English');
  });
});

describe('the Chinese catalogue', () => {
  const keys = Object.keys(EN) as MessageKey[];

  it('has a non-empty message for every English key', () => {
    for (const key of keys) expect(ZH_CN[key].trim(), key).not.toBe('');
  });

  it('compiles every message in both languages as ICU MessageFormat', () => {
    for (const key of keys) {
      expect(() => new IntlMessageFormat(EN[key], 'en'), key).not.toThrow();
      expect(() => new IntlMessageFormat(ZH_CN[key], 'zh-CN'), key).not.toThrow();
    }
  });

  it('uses the same placeholders as the English message', () => {
    for (const key of keys) expect(placeholders(ZH_CN[key]), key).toEqual(placeholders(EN[key]));
  });
});

describe('detectLocale', () => {
  it('picks Chinese for any zh browser language', () => {
    expect(detectLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLocale(['zh'])).toBe('zh-CN');
    expect(detectLocale(['zh-Hant-TW'])).toBe('zh-CN');
  });

  it('picks English for other or missing languages', () => {
    expect(detectLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLocale(['de'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });
});

describe('parseLocale', () => {
  it('accepts the shipped locales only', () => {
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale('en')).toBe('en');
    expect(parseLocale('fr')).toBeNull();
    expect(parseLocale(null)).toBeNull();
  });
});
