import { describe, expect, it } from 'vitest';
import { SetupError, settingsFrom as settingsOf, testClockSetting } from '../../telephony/run.mjs';

// run.mjs reads a whole environment; these checks give it only the variables that matter.
const settingsFrom = (env: Record<string, string>) => settingsOf(env as NodeJS.ProcessEnv);

// The SIP server's test-only clock (telephony/README.md): off unless asked, refused in production.
const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/switchboard' };

describe('SIP_TEST_CLOCK', () => {
  it('is off by default, and an SB_TEST_CLOCK inherited from the environment cannot switch it on', () => {
    expect(settingsFrom(base).env.SB_TEST_CLOCK).toBe('off');
    expect(settingsFrom({ ...base, SB_TEST_CLOCK: 'on' }).env.SB_TEST_CLOCK).toBe('off');
    expect(settingsFrom({ ...base, SIP_TEST_CLOCK: 'false' }).env.SB_TEST_CLOCK).toBe('off');
  });

  it('is on with SIP_TEST_CLOCK=true outside production', () => {
    expect(settingsFrom({ ...base, SIP_TEST_CLOCK: 'true', NODE_ENV: 'test' }).env.SB_TEST_CLOCK).toBe('on');
  });

  it('is refused with NODE_ENV=production, and any other value is refused', () => {
    expect(() => settingsFrom({ ...base, SIP_TEST_CLOCK: 'true', NODE_ENV: 'production' })).toThrow(SetupError);
    expect(() => testClockSetting('true', 'production')).toThrow(/test-only switch .* refused with NODE_ENV=production/);
    expect(() => testClockSetting('yes', '')).toThrow(/must be true or false/);
  });
});
