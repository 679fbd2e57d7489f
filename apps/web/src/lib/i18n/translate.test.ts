import { describe, expect, it } from 'vitest';
import { EN, ZH_CN, type MessageKey } from './messages.ts';
import { detectLocale, parseLocale, translate } from './translate.ts';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

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
