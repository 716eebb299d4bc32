import { pino, type DestinationStream, type Logger } from 'pino';
import { errorSummary } from './error-summary.js';

/**
 * JSON logs. Personal data never reaches a log line: an error logged under
 * `err` is reduced to its {@link errorSummary} (names, SQLSTATE, constraint,
 * table, column, stack frames — never a database message, statement, parameter
 * or detail), and the redaction paths are a last line of defence for fields
 * that code might log by mistake.
 *
 * @param destination where lines go (default stdout); tests pass a sink to read them.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'finmart' },
    serializers: { err: errorSummary, error: errorSummary },
    redact: {
      paths: ['req.headers.authorization', '*.idNumber', '*.phone', '*.cardNumber', '*.variables', 'variables'],
      censor: '[REDACTED]',
    },
  };
  if (destination) return pino(options, destination);
  // `npm run dev` (LOG_PRETTY=true): one readable line per event, through pino-pretty (a dev dependency).
  if (process.env.LOG_PRETTY === 'true')
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } });
  return pino(options);
}

export type { Logger };
