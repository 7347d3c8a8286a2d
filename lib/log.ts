import pino from 'pino';
import { env } from './env';

/**
 * The server's one logger: one JSON line per event (pino), in production too. Never pass it a
 * password, a token, a hash or a cookie: the redact list below is a safety net, not the rule.
 */
export const log = pino({
  level: env.LOG_LEVEL,
  base: undefined,
  redact: {
    paths: ['password', '*.password', 'token', '*.token', 'passwordHash', '*.passwordHash', 'cookie', '*.cookie'],
    censor: '[redacted]',
  },
});
