import { randomUUID } from 'node:crypto';
import { testDatabaseUrl } from './test-database-url';
import { TEST_TOPIC_PREFIX } from './test-topic-prefix';

// Runs before each integration test file loads any module: the apps it boots use the test
// database, log quietly, and get consumer groups of their own (so no two files share a group).
process.env.DATABASE_URL = testDatabaseUrl();
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'warn';
process.env.KAFKA_TOPIC_PREFIX = TEST_TOPIC_PREFIX;
process.env.KAFKA_GROUP_PREFIX = `test-${randomUUID().slice(0, 8)}`;
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
process.env.WORKER_METRICS_PORT = '0';
// A new group reads only what is produced after it joins, not every earlier run's messages.
process.env.KAFKA_NEW_GROUP_START = 'latest';
// A unit connected mid-run (`npm run kafka:unit`) is read within half a second.
process.env.UNIT_CHANNELS_REFRESH_MS = '500';
// Every test signs in from 127.0.0.1: the per-address lock would stop the suite, not a guesser.
// (test/security/user-trust.e2e-spec.ts runs an api with a low one.)
process.env.AUTH_FAILURES_PER_ADDRESS = '1000000';
// Files sign in a dozen users at start: the per-second budget of password checks is for floods
// (its own spec: libs/auth/src/password-hasher.service.spec.ts).
process.env.AUTH_HASH_PER_SECOND = '1000';
