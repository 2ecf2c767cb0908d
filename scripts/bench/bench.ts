import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printTable, writeResults } from './report';
import { startStack, waitUntilQuiet } from './stack';
import { benchDispatchToInbox } from './suites/dispatch';
import { benchIntake } from './suites/intake';
import { benchSlaSweep } from './suites/sla';

/**
 * `npm run bench`: every benchmark against the real stack (PostgreSQL, Kafka, the built api and
 * worker as separate processes), each beside a baseline measured in the same run. Prints one
 * table and writes bench/results/latest.json and latest.md.
 */
async function main(): Promise<void> {
  const stack = await startStack();
  try {
    const intake = await benchIntake(stack);
    // The intake run leaves the relay and consumers a backlog: measure dispatch latency on a quiet stack.
    await waitUntilQuiet(stack.baseUrl);
    // At a rate the api sustains on this machine (the pipeline's own latency), then at the goal's rate.
    const calm = await benchDispatchToInbox(stack, intake.caseIds.slice(0, 500), 25, 'informative');
    await waitUntilQuiet(stack.baseUrl);
    const goal = await benchDispatchToInbox(stack, intake.caseIds.slice(500), 200, '≤ 100 ms at 200 dispatches/s');
    await waitUntilQuiet(stack.baseUrl);
    const sla = await benchSlaSweep(stack);
    const figures = [...intake.figures, ...calm, ...goal, ...sla];
    printTable(figures);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    writeResults(figures, {
      nest: pkg.dependencies['@nestjs/core'],
      typeorm: pkg.dependencies.typeorm,
      kafkajs: pkg.dependencies.kafkajs,
      kafka: readFileSync(join(__dirname, '..', 'kafka', 'pom.xml'), 'utf8').match(
        /<kafka.version>(.*)<\/kafka.version>/,
      )![1],
      postgres: await postgresVersion(stack.databaseUrl),
    });
  } finally {
    await stack.stop();
  }
}

async function postgresVersion(url: string): Promise<string> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  await client.end();
  return rows[0].v;
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
