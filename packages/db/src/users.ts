import type { Queryable } from './database.ts';
import { EmailTakenError } from './errors.ts';
import { SqlState, constraintOf, sqlStateOf } from './pg-error.ts';
import { single } from './rows.ts';
import { toDate, toText } from './values.ts';

/** An account, without its password hash. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

export interface RawUserRow {
  id: unknown;
  email: unknown;
  name: unknown;
  created_at: unknown;
  password_hash?: unknown;
}

const COLUMNS = 'id, email, name, created_at';
const EMAIL_INDEX = 'users_email_lower_idx';

/**
 * Creates an account; `id` defaults to a random UUID. The email is stored as given (normalise
 * it before calling) and must be unique ignoring case: a second "Ana@X.org" after "ana@x.org"
 * throws `EmailTakenError`. `passwordHash` comes from `@pairboard/auth`'s `hashPassword`.
 */
export async function createUser(
  q: Queryable,
  input: { id?: string; email: string; name: string; passwordHash: string },
): Promise<UserRow> {
  try {
    const rows = await q.query<RawUserRow>(
      `insert into users (id, email, name, password_hash) values ($1, $2, $3, $4) returning ${COLUMNS}`,
      [input.id ?? crypto.randomUUID(), input.email, input.name, input.passwordHash],
    );
    return toUserRow(single(rows));
  } catch (error) {
    if (sqlStateOf(error) === SqlState.UniqueViolation && constraintOf(error) === EMAIL_INDEX) {
      throw new EmailTakenError(input.email, { cause: error });
    }
    throw error;
  }
}

/** The account with this email, ignoring case, with its password hash for sign-in; or null. */
export async function getUserByEmail(
  q: Queryable,
  email: string,
): Promise<(UserRow & { passwordHash: string }) | null> {
  const rows = await q.query<RawUserRow>(
    `select ${COLUMNS}, password_hash from users where lower(email) = lower($1)`,
    [email],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return { ...toUserRow(row), passwordHash: toText(row.password_hash, 'users.password_hash') };
}

/** The account with this id, or null. */
export async function getUserById(q: Queryable, id: string): Promise<UserRow | null> {
  const rows = await q.query<RawUserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  const row = rows[0];
  return row === undefined ? null : toUserRow(row);
}

/** Internal (sessions join users): a raw `users` row as a `UserRow`. */
export function toUserRow(row: RawUserRow): UserRow {
  return {
    id: toText(row.id, 'users.id'),
    email: toText(row.email, 'users.email'),
    name: toText(row.name, 'users.name'),
    createdAt: toDate(row.created_at, 'users.created_at'),
  };
}
