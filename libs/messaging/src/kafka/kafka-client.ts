import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry, SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import type { AppConfig } from '@hotline/config';
import { saslOptions, tlsOptions } from './kafka-credentials';

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  sasl?: SASLOptions;
  ssl?: ConnectionOptions;
}

/** The centre's connection settings from the configuration: brokers, SASL identity, TLS. */
export function kafkaClientOptions(config: AppConfig, clientId = config.KAFKA_CLIENT_ID): KafkaClientOptions {
  return { clientId, brokers: config.KAFKA_BROKERS, sasl: saslOptions(config), ssl: tlsOptions(config) };
}

/** A kafkajs client whose logs go through Nest's logger (JSON lines via nestjs-pino). */
export function createKafkaClient({ clientId, brokers, sasl, ssl }: KafkaClientOptions): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId,
    brokers,
    sasl,
    ssl,
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        const { message, timestamp: _timestamp, logger: _name, ...rest } = log;
        const line = `${namespace}: ${message} ${JSON.stringify(rest)}`;
        if (level === logLevel.ERROR) logger.error(line);
        else if (level === logLevel.WARN) logger.warn(line);
        else logger.debug(line);
      },
  });
}
