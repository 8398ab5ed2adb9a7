import { pino, type Logger as PinoLogger } from 'pino';

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

export function createLogger(options: { level: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'immo' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
