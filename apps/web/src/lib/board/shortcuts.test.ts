import { describe, expect, it } from 'vitest';
import { isTypingTarget, moveCursor, shortcutFor, type KeyPress } from './shortcuts.ts';

const BODY = { tagName: 'BODY' };

function press(key: string, fields: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, target: BODY, ...fields };
}

describe('shortcutFor', () => {
  it('maps the documented keys to their actions', () => {
    expect(['/', 'j', 'k', 'x', 'v', '?'].map((key) => shortcutFor(press(key)))).toEqual([
      'search',
      'next',
      'previous',
      'toggle',
      'verify',
      'help',
    ]);
  });

  it('ignores other keys, capitals and modified keys', () => {
    expect(shortcutFor(press('a'))).toBeNull();
    expect(shortcutFor(press('J'))).toBeNull();
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('j', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('/', { altKey: true }))).toBeNull();
  });

  it('ignores keys typed into a field', () => {
    expect(shortcutFor(press('j', { target: { tagName: 'INPUT', type: 'search' } }))).toBeNull();
    expect(shortcutFor(press('?', { target: { tagName: 'TEXTAREA' } }))).toBeNull();
  });

  it('still works while a checkbox or button has focus', () => {
    expect(shortcutFor(press('x', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('toggle');
    expect(shortcutFor(press('j', { target: { tagName: 'BUTTON' } }))).toBe('next');
  });
});

describe('isTypingTarget', () => {
  it('treats text inputs, text areas, selects and editable content as typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input', type: 'datetime-local' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('treats the page, buttons and checkboxes as not typing', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'LI' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'radio' })).toBe(false);
  });
});

describe('moveCursor', () => {
  const IDS = ['a', 'b', 'c'];

  it('starts at the top with j and at the bottom with k', () => {
    expect(moveCursor(IDS, null, 1)).toBe('a');
    expect(moveCursor(IDS, null, -1)).toBe('c');
    expect(moveCursor(IDS, 'gone', 1)).toBe('a');
  });

  it('moves one step and stops at either end', () => {
    expect(moveCursor(IDS, 'a', 1)).toBe('b');
    expect(moveCursor(IDS, 'b', -1)).toBe('a');
    expect(moveCursor(IDS, 'c', 1)).toBe('c');
    expect(moveCursor(IDS, 'a', -1)).toBe('a');
  });

  it('has nowhere to go in an empty list', () => {
    expect(moveCursor([], 'a', 1)).toBeNull();
  });
});
