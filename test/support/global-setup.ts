import { spawnSync } from 'node:child_process';
import { testDatabaseUrl } from './test-database-url';
import { TEST_TOPIC_PREFIX } from './test-topic-prefix';

/**
 * Once per integration run: start PostgreSQL and Kafka if they are not running (reused if they
 * are), then prepare the test database (create, migrate, seed) and the topics.
 */
export default function globalSetup(): void {
  const env = {
    ...process.env,
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_TOPIC_PREFIX: TEST_TOPIC_PREFIX,
    TS_NODE_TRANSPILE_ONLY: 'true',
  };
  run('bash', ['scripts/services.sh', 'up'], env);
  run('npm', ['run', '-s', 'prepare:stack'], env);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}
