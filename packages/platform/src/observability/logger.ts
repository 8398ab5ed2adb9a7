import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redactDeep } from './redaction.ts';

export type Logger = PinoLogger;

/**
 * Secrets and personal data never reach a log line. The list covers request
 * headers and the field names our bodies use; add to it, never remove.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.totp',
  '*.code',
  '*.email',
  '*.phone',
  '*.nationalNumber',
  '*.iban',
  'password',
  'token',
  'email',
  'phone',
];

export function createLogger(options: {
  level: string;
  pretty?: boolean;
  destination?: DestinationStream;
}): Logger {
  const logger = pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'immo' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The paths above are exact; this also catches the same names nested deeper.
      formatters: { log: (object) => redactDeep(object) },
    },
    options.destination,
  );
  // A child's bindings skip the log formatter: clean them when the child is made
  // (children inherit this method, so grandchildren are covered too).
  const child = logger.child;
  logger.child = function (this: Logger, bindings, childOptions) {
    return child.call(this, redactDeep(bindings), childOptions);
  } as Logger['child'];
  return logger;
}
