/**
 * Normalises column values that the two drivers return differently, so repositories hand out
 * one shape: postgres.js returns int8 as a string and bytea as a Buffer sliced from a shared
 * pool; PGlite returns int8 as a number and bytea as a plain Uint8Array.
 */

/** An int8/int4/numeric column as a safe JS integer. */
export function toSafeInteger(value: unknown, column: string): number {
  const n = typeof value === 'bigint' || typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new TypeError(`${column} must be a safe integer, got ${String(value)}`);
  }
  return n;
}

/**
 * A bytea column as a plain Uint8Array that owns its memory. A postgres.js Buffer is copied:
 * it is often a slice of a 64 KiB pool buffer, and handing out a view would keep that alive
 * and expose unrelated bytes through `.buffer`.
 */
export function toBytes(value: unknown, column: string): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`${column} must be bytea, got ${typeof value}`);
  }
  const isPlain = Object.getPrototypeOf(value) === Uint8Array.prototype;
  return isPlain && value.byteLength === value.buffer.byteLength ? value : new Uint8Array(value);
}

/** A timestamptz column as a Date. */
export function toDate(value: unknown, column: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) {
    throw new TypeError(`${column} must be a timestamp, got ${String(value)}`);
  }
  return date;
}

/** A nullable text column. */
export function toNullableString(value: unknown, column: string): string | null {
  if (value === null || typeof value === 'string') return value;
  throw new TypeError(`${column} must be text or null, got ${typeof value}`);
}

/** A non-null text column. */
export function toText(value: unknown, column: string): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`${column} must be text, got ${typeof value}`);
}

/** A nullable timestamptz column as a Date or null. */
export function toNullableDate(value: unknown, column: string): Date | null {
  return value === null ? null : toDate(value, column);
}

/** A text column restricted to `allowed` (a check constraint, re-checked on read). */
export function toOneOf<T extends string>(value: unknown, allowed: readonly T[], column: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new TypeError(`${column} must be ${allowed.join(', ')}, got ${String(value)}`);
}

/** `toOneOf` for a nullable column. */
export function toNullableOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  column: string,
): T | null {
  return value === null ? null : toOneOf(value, allowed, column);
}

/**
 * A jsonb column selected as `col::text`: both drivers then hand back the same JSON text,
 * parsed here once (their own jsonb parsing differs in details such as big numbers).
 */
export function toJson(value: unknown, column: string): unknown {
  const text = toText(value, column);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new TypeError(`${column} must be JSON, got ${text.slice(0, 40)}`, { cause: error });
  }
}

/** A Date as a query parameter: ISO text, cast with `$n::timestamptz`, the same on both drivers. */
export function toTimestampParam(date: Date | null): string | null {
  if (date === null) return null;
  if (Number.isNaN(date.getTime())) throw new RangeError('expected a valid Date, got Invalid Date');
  return date.toISOString();
}
