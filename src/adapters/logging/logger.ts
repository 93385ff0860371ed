import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. Tokens and secrets never reach a log line. */
export function createLogger(level: string, name = 'chat'): Logger {
  return pino({
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'token', '*.token', 'secret', '*.secret'],
      censor: '[redacted]',
    },
  });
}
