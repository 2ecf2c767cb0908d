import { loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('gives developer defaults for an empty environment', () => {
    const config = loadAppConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/hotline');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(6);
  });

  it('parses numbers and lists from strings', () => {
    const config = loadAppConfig({ PORT: '8080', KAFKA_BROKERS: 'a:9092, b:9093' });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'no-port' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*KAFKA_BROKERS/,
    );
  });

  it('refuses the development JWT secret and admin password in production, naming both', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: must be set in production[\s\S]*BOOTSTRAP_ADMIN_PASSWORD/,
    );
  });

  it('takes booleans as true/false/1/0 and names anything else', () => {
    expect(loadAppConfig({ KAFKA_SSL: 'true' }).KAFKA_SSL).toBe(true);
    expect(loadAppConfig({ KAFKA_SSL: '0' }).KAFKA_SSL).toBe(false);
    expect(() => loadAppConfig({ KAFKA_SSL: 'yes' })).toThrow(/KAFKA_SSL/);
  });
});
