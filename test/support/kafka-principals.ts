import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { devCredentialsDir, principalName } from '@hotline/messaging';
import { testTopic } from './test-topics';

/**
 * Clients of the development broker as each principal (docs/operations.md, "Kafka security"):
 * kafkajs over SASL/SCRAM, and Debian's kcat over the client-certificate listener — the way a
 * telephony system, a gateway or a unit's own system would connect.
 */
export const CREDENTIALS_DIR = devCredentialsDir({ KAFKA_CREDENTIALS_DIR: process.env.KAFKA_CREDENTIALS_DIR ?? '' });
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export function unitPrincipal(unitCode: string): string {
  return principalName({ kind: 'unit', unitCode });
}

export function passwordOf(principal: string): string {
  return readFileSync(join(CREDENTIALS_DIR, `${principal}.password`), 'utf8').trim();
}

/** A kafkajs client signed in as `principal` (no retries: a refusal shows at once). */
export function kafkaAs(principal: string, options: { password?: string; brokers?: string[] } = {}): Kafka {
  return new Kafka({
    clientId: `test-${principal}`,
    brokers: options.brokers ?? BROKERS,
    sasl: { mechanism: 'scram-sha-512', username: principal, password: options.password ?? passwordOf(principal) },
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  });
}

/** Sends raw values to a test topic (docs/events.md name) as `principal`. */
export async function produceAs(principal: string, topic: string, messages: { key: string; value: string }[]) {
  const producer = kafkaAs(principal).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: testTopic(topic), messages });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Connects units' own systems to the broker with the project's helper (`npm run kafka:unit`): a
 * SCRAM user, a client certificate, the units' inbox and replies topics, their ACLs. Idempotent.
 */
export function connectUnitSystems(...unitCodes: string[]): void {
  const result = spawnSync('npm', ['run', '-s', 'kafka:unit', '--', ...unitCodes], {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kafka:unit failed: ${result.stderr}`);
}

export interface KcatResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Debian's kcat: as `principal` through its client certificate (-F <principal>.kcat.conf), or,
 * with `null`, as an outsider with no credentials on the SASL listener.
 */
export function kcat(principal: string | null, args: string[], input?: string): KcatResult {
  const connect = principal ? ['-F', join(CREDENTIALS_DIR, `${principal}.kcat.conf`)] : ['-b', BROKERS[0]];
  return kcatRaw([...connect, ...args], input);
}

/** kcat with the connection given in `args` (-b, -X …); an 8 s metadata timeout. */
export function kcatRaw(args: string[], input?: string): KcatResult {
  // A unit's inbox holds every order and notice of every test run: far more than spawnSync's 1 MB default.
  const result = spawnSync('kcat', ['-m', '8', ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
