import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Credentials never reach them: request logging records method, path and
 * status only, and the redact list catches headers if a caller logs a request object anyway.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'pairboard' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'headers.cookie', 'headers.authorization'],
  });
}
