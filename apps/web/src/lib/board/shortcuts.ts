/**
 * The remote desk's keyboard shortcuts, as pure functions of a key press: which action a key
 * means, and whether the person is typing (then no key is a shortcut). The board screen wires
 * them to the page; the help dialog lists `SHORTCUTS`.
 */
export type ShortcutAction = 'search' | 'next' | 'previous' | 'toggle' | 'verify' | 'help';

/** In the order the help dialog lists them; `key` is `KeyboardEvent.key`. */
export const SHORTCUTS: ReadonlyArray<{ key: string; action: ShortcutAction }> = [
  { key: '/', action: 'search' },
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'x', action: 'toggle' },
  { key: 'v', action: 'verify' },
  { key: '?', action: 'help' },
];

/** The parts of a focused element that tell whether keys go into it as text. */
export interface FocusTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

/** Inputs whose keys are not text: a shortcut pressed on them still means the shortcut. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True when keys typed now become text (or pick an option): shortcuts must stay out of the way. */
export function isTypingTarget(target: FocusTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable === true) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: FocusTarget | null;
}

/**
 * The shortcut a key press means, or null. Modified keys are the browser's and the system's
 * (Ctrl+J opens downloads), and keys typed into a field are text.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.action ?? null;
}

/**
 * The item the cursor moves to with j (`delta` 1) or k (-1) through `ids` (the visible list).
 * From nowhere (or an item no longer shown) j starts at the top and k at the bottom; the
 * cursor stops at either end rather than wrapping, so holding j never jumps back to the top.
 */
export function moveCursor(ids: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return delta === 1 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  const next = Math.min(ids.length - 1, Math.max(0, index + delta));
  return ids[next] ?? null;
}
