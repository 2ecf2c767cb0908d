import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Figure, printTable, writeResults } from './report';
import { startStack, waitUntilQuiet } from './stack';
import { benchCaseSearch } from './suites/case-search';
import { benchDispatchToInbox } from './suites/dispatch';
import { benchIntake } from './suites/intake';
import { benchKnowledge } from './suites/knowledge';
import { benchKpi } from './suites/kpi';
import { benchSignInFlood } from './suites/sign-in-flood';
import { benchSlaSweep } from './suites/sla';

const SUITES = ['pipeline', 'kpi', 'sign-in-flood', 'knowledge'] as const;
type Suite = (typeof SUITES)[number];

/**
 * `npm run bench [-- pipeline|kpi]`: every benchmark (or the named suites) against the real
 * stack, each beside a baseline measured in the same run. Prints one table and writes
 * bench/results/latest.json and latest.md (the figures of suites not run are kept from before).
 *   pipeline  intake, dispatch → inbox, SLA sweep: PostgreSQL, Kafka, the built api and worker
 *   kpi       five rates over 10 million generated cases (BENCH_KPI_CASES) vs a naive GROUP BY
 *   sign-in-flood  the case list's latency while 200 wrong sign-ins/s hit the api, vs the quiet api
 *   knowledge  answer quality on the held-out questions vs a substring baseline; search p95 over 200,000 entries vs ILIKE
 *             and GET /cases?q= over the kpi suite's generated cases (BENCH_KPI_CASES) vs ILIKE '%q%'
 */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((s) => !(SUITES as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(', ')}; the suites are ${SUITES.join(', ')}`);
  const suites: Suite[] = asked.length ? (asked as Suite[]) : [...SUITES];
  const figures: Figure[] = [];
  if (suites.includes('pipeline')) figures.push(...(await benchPipeline()).map((f) => ({ ...f, suite: 'pipeline' })));
  if (suites.includes('kpi')) figures.push(...(await benchKpi()).map((f) => ({ ...f, suite: 'kpi' })));
  if (suites.includes('knowledge')) {
    figures.push(...(await benchKnowledge()).map((f) => ({ ...f, suite: 'knowledge' })));
  }
  if (suites.includes('knowledge'))
    figures.push(...(await benchCaseSearch()).map((f) => ({ ...f, suite: 'knowledge' })));
  if (suites.includes('sign-in-flood')) {
    const stack = await startStack();
    try {
      figures.push(...(await benchSignInFlood(stack)).map((f) => ({ ...f, suite: 'sign-in-flood' })));
    } finally {
      await stack.stop();
    }
  }
  printTable(figures);
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  writeResults(figures, suites, {
    nest: pkg.dependencies['@nestjs/core'],
    typeorm: pkg.dependencies.typeorm,
    kafkajs: pkg.dependencies.kafkajs,
    kafka: readFileSync(join(__dirname, '..', 'kafka', 'pom.xml'), 'utf8').match(
      /<kafka.version>(.*)<\/kafka.version>/,
    )![1],
    postgres: await postgresVersion(),
  });
}

async function benchPipeline(): Promise<Figure[]> {
  const stack = await startStack();
  try {
    // Intake ends with the pipeline drained: dispatch latency is measured on a quiet stack.
    const intake = await benchIntake(stack);
    // At a rate the api sustains on this machine (the pipeline's own latency), then at the goal's rate.
    const calm = await benchDispatchToInbox(stack, intake.caseIds.slice(0, 500), 25, 'informative');
    await waitUntilQuiet(stack.baseUrl);
    const goal = await benchDispatchToInbox(stack, intake.caseIds.slice(500), 200, '≤ 100 ms at 200 dispatches/s');
    await waitUntilQuiet(stack.baseUrl);
    const sla = await benchSlaSweep(stack);
    return [...intake.figures, ...calm, ...goal, ...sla];
  } finally {
    await stack.stop();
  }
}

async function postgresVersion(): Promise<string> {
  const { Client } = await import('pg');
  const client = new Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  await client.end();
  return rows[0].v;
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
