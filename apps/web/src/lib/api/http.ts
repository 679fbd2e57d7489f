import { z } from 'zod';
import { ApiError } from '../errors.ts';

/**
 * The one way the web app talks to `/api`: same-origin requests with the session cookie,
 * JSON in and out, and every failure turned into an `ApiError` that keeps the server's code.
 * Unsafe methods need no CSRF token: the browser sends the page's Origin, which the server
 * checks against its own.
 */

/** The `fetch` a SvelteKit `load` receives, or the global one. */
export type Fetch = typeof fetch;

export interface RequestOptions {
  fetch?: Fetch;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().optional(),
    issues: z.array(z.unknown()).optional(),
    requestId: z.string().optional(),
    retryAfterSeconds: z.number().nonnegative().optional(),
  }),
});

/** `/api/...` with each dynamic segment URL-encoded: `apiPath('boards', id, 'members')`. */
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map(encodeURIComponent).join('/')}`;
}

/** Sends a request and parses a JSON answer with `schema`. */
export async function requestJson<T>(
  method: Method,
  path: string,
  schema: z.ZodType<T>,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  return readApiResponse(await send(method, path, body, options), schema);
}

/** Sends a request whose success answer has no body (204). */
export async function requestNoContent(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<void> {
  const response = await send(method, path, body, options);
  if (response.ok) return;
  throw toApiError(response.status, await readBody(response), response.headers);
}

async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const fetchFn = options.fetch ?? fetch;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetchFn(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: `could not reach the server for ${method} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

function readBody(response: Response): Promise<unknown> {
  return response.json().catch(() => undefined);
}

/**
 * The parsed body of a successful response, or an `ApiError` built from the error body (or
 * from the status alone when the body is not the API's error shape, e.g. a proxy's HTML page).
 */
export async function readApiResponse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, body, response.headers);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'bad_response',
      message: `unexpected response from ${response.url || 'the server'}: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
        .join('; ')}`,
    });
  }
  return parsed.data;
}

/**
 * Maps an error status and body to an `ApiError`, keeping the server's code and message. A 429
 * takes its wait from the body's `retryAfterSeconds`, else from the `Retry-After` header.
 */
export function toApiError(status: number, body: unknown, headers?: Headers): ApiError {
  const retryHeader = retryAfterFromHeader(headers?.get('retry-after') ?? null);
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) {
    return new ApiError({
      status,
      code: status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'http_error',
      message: `HTTP ${status}`,
      retryAfterSeconds: retryHeader,
    });
  }
  const { code, message, issues, requestId, retryAfterSeconds } = parsed.data.error;
  return new ApiError({
    status,
    code,
    message: message ?? code,
    issues,
    requestId,
    retryAfterSeconds: retryAfterSeconds ?? retryHeader,
  });
}

/** `Retry-After` in seconds (the delta form; an HTTP date is rare enough to ignore). */
export function retryAfterFromHeader(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
