import { z } from 'zod';
import { apiPath, requestJson, requestNoContent, type RequestOptions } from './http.ts';
import { ApiError } from '../errors.ts';

/** The signed-in person. */
export const User = z.object({ id: z.string().min(1), email: z.string(), name: z.string() });
export type User = z.infer<typeof User>;

const UserEnvelope = z.object({ user: User });

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
}

export interface SignInInput {
  email: string;
  password: string;
}

/** Password length the server accepts; checked in the form too, so nobody waits for a 400. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Creates an account and signs it in (the answer sets the session cookie). */
export async function signUp(input: SignUpInput, options?: RequestOptions): Promise<User> {
  return (await requestJson('POST', apiPath('auth', 'signup'), UserEnvelope, input, options)).user;
}

/** Signs in with a new session (the cookie is replaced). 429 `rate_limited` carries `retryAfterSeconds`. */
export async function signIn(input: SignInInput, options?: RequestOptions): Promise<User> {
  return (await requestJson('POST', apiPath('auth', 'signin'), UserEnvelope, input, options)).user;
}

/** Ends this browser's session. */
export function signOut(options?: RequestOptions): Promise<void> {
  return requestNoContent('POST', apiPath('auth', 'signout'), undefined, options);
}

/** Ends every session of this account; the server closes their live sockets too. */
export function signOutEverywhere(options?: RequestOptions): Promise<void> {
  return requestNoContent('POST', apiPath('auth', 'signout-all'), undefined, options);
}

/** The signed-in person, or null when there is no valid session (401). */
export async function getMe(options?: RequestOptions): Promise<User | null> {
  try {
    return (await requestJson('GET', apiPath('auth', 'me'), UserEnvelope, undefined, options)).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
