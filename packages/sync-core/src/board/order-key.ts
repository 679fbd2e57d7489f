/**
 * Fractional index keys: strings that sort with plain `<` and always leave room for a key
 * between any two, so an item can be placed anywhere without renumbering its siblings.
 *
 * The scheme follows the well-known "integer part + fraction" layout (as in rocicorp's
 * fractional-indexing, base 62): the first character says how many integer digits follow
 * ('a' = 1, 'b' = 2, ... ; 'Z' = 1, 'Y' = 2, ... for keys before the first one). Appending
 * therefore grows keys logarithmically (62 appends per digit, then one more digit), which
 * matters for a 3,000-guest list. Concurrent inserts may pick the same key; readers break
 * that tie by id.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const INTEGER_ZERO = 'a0';
const SMALLEST_INTEGER = `A${'0'.repeat(26)}`;

function digitAt(s: string, i: number): number {
  const c = s[i];
  return c === undefined ? 0 : DIGITS.indexOf(c);
}

/** A fraction strictly between `a` and `b` (`b === null`: no upper bound). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n += 1;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? digitAt(a, 0) : 0;
  const digitB = b !== null ? digitAt(b, 0) : BASE;
  if (digitB - digitA > 1) return DIGITS.charAt(Math.round((digitA + digitB) / 2));
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS.charAt(digitA) + midpoint(a.slice(1), null);
}

function integerLength(head: string): number {
  if (head >= 'a' && head <= 'z') return head.charCodeAt(0) - 'a'.charCodeAt(0) + 2;
  if (head >= 'A' && head <= 'Z') return 'Z'.charCodeAt(0) - head.charCodeAt(0) + 2;
  throw new RangeError(`invalid order key head '${head}'`);
}

function splitKey(key: string): [integer: string, fraction: string] {
  const length = integerLength(key.charAt(0));
  if (length > key.length || key === SMALLEST_INTEGER) throw new RangeError(`invalid order key '${key}'`);
  const fraction = key.slice(length);
  if (fraction.endsWith('0')) throw new RangeError(`invalid order key '${key}'`);
  for (const c of key.slice(1)) if (!DIGITS.includes(c)) throw new RangeError(`invalid order key '${key}'`);
  return [key.slice(0, length), fraction];
}

function incrementInteger(x: string): string | null {
  const head = x.charAt(0);
  const digits = x.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const next = digitAt(digits[i] ?? '0', 0) + 1;
    if (next < BASE) {
      digits[i] = DIGITS.charAt(next);
      return head + digits.join('');
    }
    digits[i] = '0';
  }
  if (head === 'Z') return INTEGER_ZERO;
  if (head === 'z') return null;
  const nextHead = String.fromCharCode(head.charCodeAt(0) + 1);
  if (nextHead > 'a') digits.push('0');
  else digits.pop();
  return nextHead + digits.join('');
}

function decrementInteger(x: string): string | null {
  const head = x.charAt(0);
  const digits = x.slice(1).split('');
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const previous = digitAt(digits[i] ?? '0', 0) - 1;
    if (previous >= 0) {
      digits[i] = DIGITS.charAt(previous);
      return head + digits.join('');
    }
    digits[i] = DIGITS.charAt(BASE - 1);
  }
  if (head === 'a') return `Z${DIGITS.charAt(BASE - 1)}`;
  if (head === 'A') return null;
  const previousHead = String.fromCharCode(head.charCodeAt(0) - 1);
  if (previousHead < 'Z') digits.push(DIGITS.charAt(BASE - 1));
  else digits.pop();
  return previousHead + digits.join('');
}

/**
 * A key that sorts strictly between `a` and `b`; `null` means "no bound" on that side.
 * `orderKeyBetween(lastKey, null)` appends, `orderKeyBetween(null, firstKey)` prepends.
 * Throws RangeError when a key is malformed or `a >= b`.
 */
export function orderKeyBetween(a: string | null, b: string | null): string {
  const [intA, fracA] = a === null ? [null, ''] : splitKey(a);
  const [intB, fracB] = b === null ? [null, ''] : splitKey(b);
  if (a !== null && b !== null && a >= b) throw new RangeError(`order key '${a}' is not before '${b}'`);
  if (intA === null) {
    if (intB === null) return INTEGER_ZERO;
    if (intB === SMALLEST_INTEGER) return intB + midpoint('', fracB);
    if (intB < (b ?? '')) return intB;
    const previous = decrementInteger(intB);
    if (previous === null) throw new RangeError('cannot prepend: order keys exhausted');
    return previous;
  }
  if (intB === null) {
    const next = incrementInteger(intA);
    return next === null ? intA + midpoint(fracA, null) : next;
  }
  if (intA === intB) return intA + midpoint(fracA, fracB);
  const next = incrementInteger(intA);
  if (next !== null && next < (b ?? '')) return next;
  return intA + midpoint(fracA, null);
}

/** Whether `key` is a well-formed order key. */
export function isOrderKey(key: string): boolean {
  try {
    splitKey(key);
    return true;
  } catch {
    return false;
  }
}

/** Display order of ordered entities: by order key, then by id so concurrent equal keys still sort the same everywhere. */
export function compareByOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
