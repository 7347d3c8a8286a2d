import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('lib/env', () => {
  it('keeps the documented defaults when variables are unset or blank', () => {
    const env = parseEnv({ DATABASE_POOL_SIZE: '', PORT: ' ', APP_URL: '' });
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_POOL_SIZE: 10,
      PORT: 3000,
      E2E_PORT: 3200,
      CHROMIUM_PATH: '/usr/bin/chromium',
      E2E_DATA_DIR: '.data/e2e',
      NEXT_DIST_DIR: '.next',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it('accepts the forms the README documents', () => {
    for (const url of ['pglite:memory', 'file:.data/x', 'postgres://u:p@ep-x.eu-central-1.aws.neon.tech/neondb?sslmode=require']) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    const env = parseEnv({
      DATABASE_DRIVER: 'neon',
      DATABASE_POOL_SIZE: '4',
      SMTP_URL: 'smtps://user:pass@smtp.example.com:465',
      MAIL_FROM: 'Switchboard <no-reply@phone.example.com>',
      APP_URL: 'https://phone.example.com',
    });
    expect(env.DATABASE_POOL_SIZE).toBe(4);
    expect(env.DATABASE_DRIVER).toBe('neon');
  });

  it('the inventory limits: 50 numbers before the first finish, 100 holds a day, whole numbers from 1', () => {
    expect(parseEnv({ NUMBERS_BEFORE_FIRST_FINISH: '', NUMBER_HOLDS_PER_DAY: ' ' })).toMatchObject({
      NUMBERS_BEFORE_FIRST_FINISH: 50,
      NUMBER_HOLDS_PER_DAY: 100,
    });
    expect(parseEnv({ NUMBERS_BEFORE_FIRST_FINISH: '8', NUMBER_HOLDS_PER_DAY: '30' })).toMatchObject({
      NUMBERS_BEFORE_FIRST_FINISH: 8,
      NUMBER_HOLDS_PER_DAY: 30,
    });
    for (const bad of ['0', '2.5', 'lots']) {
      expect(() => parseEnv({ NUMBERS_BEFORE_FIRST_FINISH: bad })).toThrow('NUMBERS_BEFORE_FIRST_FINISH:');
      expect(() => parseEnv({ NUMBER_HOLDS_PER_DAY: bad })).toThrow('NUMBER_HOLDS_PER_DAY:');
    }
  });

  it('names every invalid variable, without echoing values', () => {
    let message = '';
    try {
      parseEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x', DATABASE_POOL_SIZE: 'many', APP_URL: 'phone.example.com', SMTP_URL: 'http://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Invalid environment variables');
    for (const name of ['DATABASE_URL', 'DATABASE_POOL_SIZE', 'APP_URL', 'SMTP_URL']) expect(message).toContain(`${name}:`);
    expect(message).not.toContain('hunter2');
  });
});
