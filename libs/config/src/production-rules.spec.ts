import { loadAppConfig } from './app-config';
import { developmentModeNotice } from './production-rules';

const REAL = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-real-secret-of-at-least-thirty-two-characters',
  BOOTSTRAP_ADMIN_PASSWORD: 'a-real-admin-passphrase-9',
  KAFKA_SASL_PASSWORD: 'a-real-kafka-password',
};

describe('production refuses development defaults', () => {
  it('starts with real secrets', () => {
    expect(loadAppConfig(REAL).NODE_ENV).toBe('production');
  });

  it.each([
    ['the development JWT secret', { JWT_SECRET: undefined }, /JWT_SECRET: must be set in production/],
    [
      'no admin password',
      { BOOTSTRAP_ADMIN_PASSWORD: undefined },
      /BOOTSTRAP_ADMIN_PASSWORD: must be set \(not empty\)/,
    ],
    [
      'an empty admin password (an unset compose variable)',
      { BOOTSTRAP_ADMIN_PASSWORD: '' },
      /BOOTSTRAP_ADMIN_PASSWORD: must be set/,
    ],
    [
      'the development admin password',
      { BOOTSTRAP_ADMIN_PASSWORD: 'admin12345' },
      /must not be the development default/,
    ],
    ['a short admin password', { BOOTSTRAP_ADMIN_PASSWORD: 'short-pw-1' }, /at least 12 characters/],
    [
      'the database role switch off',
      { DATABASE_APP_ROLE: 'none' },
      /DATABASE_APP_ROLE: must name the application role/,
    ],
    ['no Kafka password', { KAFKA_SASL_PASSWORD: '' }, /KAFKA_SASL_PASSWORD: must be set/],
    ['no Kafka authentication at all', { KAFKA_SASL_MECHANISM: 'none' }, /"none" needs a client certificate/],
    ['a clear-text Kafka password', { KAFKA_SASL_MECHANISM: 'plain' }, /"plain" sends the password in clear/],
  ])('refuses %s', (_what, change, message) => {
    const env: Record<string, string | undefined> = { ...REAL, ...change };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it('lets development turn the role switch off, and says loudly when NODE_ENV is unset', () => {
    expect(loadAppConfig({ DATABASE_APP_ROLE: 'none' }).DATABASE_APP_ROLE).toBe('none');
    expect(loadAppConfig({ DATABASE_APP_ROLE: '' }).DATABASE_APP_ROLE).toBe('hotline_app');
    expect(developmentModeNotice({})).toMatch(/DEVELOPMENT mode/);
    expect(developmentModeNotice({ NODE_ENV: 'test' })).toBeUndefined();
  });
});
