import type { z } from 'zod';
import { ErrorCode } from '@pairboard/board-schema';
import { AppError } from '../errors.ts';

/** Parses a request part with its schema, or throws a 400 that lists every problem. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new AppError(ErrorCode.BadRequest, 400, message, parsed.error.issues);
  }
  return parsed.data;
}
