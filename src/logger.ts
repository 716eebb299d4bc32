import { pino, type Logger } from 'pino';

/**
 * JSON logs. Personal data never reaches a log line: the redaction paths are a
 * last line of defence for fields that code might log by mistake.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'finmart' },
    redact: {
      paths: [
        'req.headers.authorization',
        '*.idNumber',
        '*.phone',
        '*.cardNumber',
        '*.variables',
        'variables',
      ],
      censor: '[REDACTED]',
    },
  });
}

export type { Logger };
