import assert from 'node:assert/strict';
import { readSettings, SettingsError } from '../../src/bot/settings';

const base = {
  WEBEX_BOT_TOKEN: 'x'.repeat(40),
  WEBEX_ADMIN_TOKEN: 'y'.repeat(40),
  PUBLIC_BASE_URL: 'https://bot.example.com',
  WEBHOOK_SECRET: '0123456789abcdef0123',
  ALLOWED_EMAIL_DOMAINS: 'example.com',
};

describe('setting SENSOR_OFFLINE_AFTER_MINUTES', () => {
  it('defaults to 120 minutes and takes whole minutes from 10 to 10080', () => {
    assert.equal(readSettings(base).sensorOfflineAfterMinutes, 120);
    assert.equal(readSettings({ ...base, SENSOR_OFFLINE_AFTER_MINUTES: '45' }).sensorOfflineAfterMinutes, 45);
    assert.equal(
      readSettings({ ...base, SENSOR_OFFLINE_AFTER_MINUTES: '10080' }).sensorOfflineAfterMinutes,
      10080,
    );
  });

  for (const bad of ['5', '10081', '1.5', 'two hours']) {
    it(`refuses ${JSON.stringify(bad)} with one line that says how to fix it`, () => {
      assert.throws(
        () => readSettings({ ...base, SENSOR_OFFLINE_AFTER_MINUTES: bad }),
        (error: unknown) =>
          error instanceof SettingsError &&
          /^SENSOR_OFFLINE_AFTER_MINUTES .*Set it to whole minutes from 10 to 10080/.test(error.message),
      );
    });
  }
});
