import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import type { AppConfig } from '@hotline/config';

type KafkaSettings = Pick<
  AppConfig,
  | 'NODE_ENV'
  | 'KAFKA_SASL_MECHANISM'
  | 'KAFKA_SASL_USERNAME'
  | 'KAFKA_SASL_PASSWORD'
  | 'KAFKA_SASL_PASSWORD_FILE'
  | 'KAFKA_SSL'
  | 'KAFKA_SSL_CA_FILE'
  | 'KAFKA_SSL_CERT_FILE'
  | 'KAFKA_SSL_KEY_FILE'
  | 'KAFKA_CREDENTIALS_DIR'
>;

/** The development broker's credentials directory (scripts/kafka/kafka.sh writes it). */
export function devCredentialsDir(config: Pick<AppConfig, 'KAFKA_CREDENTIALS_DIR'>): string {
  if (config.KAFKA_CREDENTIALS_DIR) return config.KAFKA_CREDENTIALS_DIR;
  const state = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'hotline-12345', 'kafka', 'credentials');
}

/**
 * The SASL identity the apps present: the password from KAFKA_SASL_PASSWORD, else the file named by
 * KAFKA_SASL_PASSWORD_FILE, else — outside production only — the development credentials of the
 * principal named by KAFKA_SASL_USERNAME. Missing: an error that says where it looked.
 */
export function saslOptions(config: KafkaSettings): SASLOptions | undefined {
  if (config.KAFKA_SASL_MECHANISM === 'none') return undefined;
  const username = config.KAFKA_SASL_USERNAME;
  const password = config.KAFKA_SASL_PASSWORD || passwordFromFile(config);
  return { mechanism: config.KAFKA_SASL_MECHANISM, username, password };
}

export function tlsOptions(config: KafkaSettings): ConnectionOptions | undefined {
  if (!config.KAFKA_SSL) return undefined;
  const read = (file: string) => (file ? readFileSync(file, 'utf8') : undefined);
  return {
    ca: read(config.KAFKA_SSL_CA_FILE),
    cert: read(config.KAFKA_SSL_CERT_FILE),
    key: read(config.KAFKA_SSL_KEY_FILE),
  };
}

function passwordFromFile(config: KafkaSettings): string {
  if (config.KAFKA_SASL_PASSWORD_FILE) return readFileSync(config.KAFKA_SASL_PASSWORD_FILE, 'utf8').trim();
  if (config.NODE_ENV === 'production') {
    throw new Error('KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE) must be set in production');
  }
  const file = join(devCredentialsDir(config), `${config.KAFKA_SASL_USERNAME}.password`);
  if (!existsSync(file)) {
    throw new Error(
      `no Kafka password: KAFKA_SASL_PASSWORD and KAFKA_SASL_PASSWORD_FILE are empty and ${file} does not exist ` +
        '(`npm run up` creates the development broker and its credentials)',
    );
  }
  return readFileSync(file, 'utf8').trim();
}
