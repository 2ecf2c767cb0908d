import { parseArgs } from 'node:util';
import { startStack, tokenFor, waitUntilQuiet } from '../bench/stack';
import { ApiClient, Tally } from '../simulate/api-client';
import { LOAD_UNITS, LoadProgress, runCaseLoad } from './case-load';
import { killWorker, OutageProbe, restartKafka, restartPostgres } from './faults';
import { Verdict, verifyNothingLost } from './verify';

/**
 * `npm run chaos -- [options]`: a case load through the real api while, in turn, the worker is
 * killed (SIGKILL) and restarted, the Kafka broker is stopped and started (the worker killed and
 * started again while it is away: it must wait for the broker, not die), and PostgreSQL is
 * restarted; then checks that nothing was lost or applied twice, and that the api answered 503
 * quickly while the database was away. Exit code 0 when every check holds.
 *
 *   --cases 10000   --concurrency 16   --kafka-down 10 (s)   --postgres-down 8 (s)
 *
 * Runs its own api and worker on the hotline_bench database; restarts the machine's PostgreSQL
 * cluster (other databases on it see the restart too).
 */
const { values: opts } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '16' },
    'kafka-down': { type: 'string', default: '10' },
    'postgres-down': { type: 'string', default: '8' },
  },
});

const PROBE_SLOWEST_ALLOWED_MS = 5000;

async function main(): Promise<void> {
  const total = Number(opts.cases);
  const stack = await startStack(3300);
  const tally = new Tally();
  try {
    const api = new ApiClient(stack.baseUrl, tally);
    const agent = await tokenFor(stack.baseUrl, 'agent');
    const handlers = Object.fromEntries(
      await Promise.all(
        LOAD_UNITS.map(async (unit) => [unit, await tokenFor(stack.baseUrl, 'handler', unit)] as const),
      ),
    );
    const progress: LoadProgress = { started: 0, created: [], finished: 0 };
    const runTag = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const started = Date.now();
    const load = runCaseLoad(api, { agent, handlers, runTag }, total, Number(opts.concurrency), progress);
    const log = (text: string) =>
      console.log(`chaos [${((Date.now() - started) / 1000).toFixed(0)} s, ${progress.finished} cases]: ${text}`);

    const at = async (fraction: number) => {
      while (progress.finished < total * fraction && progress.started < total)
        await new Promise((r) => setTimeout(r, 100));
    };
    await at(0.15);
    log('worker killed (SIGKILL)');
    await killWorker(stack, 3000);
    log('worker restarted');
    await at(0.35);
    log('Kafka broker stopping');
    await restartKafka(Number(opts['kafka-down']) * 1000, async () => {
      await stack.killWorker();
      stack.startWorker();
      log('worker killed and started again while the broker is away');
    });
    log('Kafka broker started again');
    await at(0.6);
    log('PostgreSQL stopping');
    const outage = await restartPostgres(stack, agent, Number(opts['postgres-down']) * 1000);
    log(
      `PostgreSQL started again; the api meanwhile answered ${JSON.stringify(outage.byStatus)}, slowest ${outage.slowestMs} ms`,
    );
    const faultsDuringLoad = progress.finished < total;
    await load;
    log(`load done: ${progress.created.length} cases created; answers ${JSON.stringify(tally.counts)}`);
    await waitUntilQuiet(stack.baseUrl, 300_000);
    log('outbox drained, consumer lag 0');

    const verdicts: Verdict[] = [
      ...(await verifyNothingLost(stack.databaseUrl, progress.created)),
      outageVerdict(outage),
      { check: 'no 500 during the run', ok: tally.of('http 500') === 0, detail: `${tally.of('http 500')} answers 500` },
      {
        check: 'the api and the worker never died on their own',
        ok: stack.unexpectedExits().length === 0,
        detail: stack.unexpectedExits().join('; ') || 'none did',
      },
      {
        check: 'the faults hit a running load',
        ok: faultsDuringLoad,
        detail: faultsDuringLoad ? 'yes' : 'the load ended first',
      },
    ];
    for (const v of verdicts) console.log(`${v.ok ? '✔' : '✘'} ${v.check}: ${v.detail}`);
    const failed = verdicts.filter((v) => !v.ok).length;
    console.log(
      `chaos: ${total} cases, worker kill + Kafka restart + PostgreSQL restart; ${verdicts.length - failed} checks held, ${failed} failed`,
    );
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

function outageVerdict(outage: OutageProbe): Verdict {
  const others = Object.entries(outage.byStatus).filter(([status]) => status !== '503');
  return {
    check: 'while PostgreSQL was down the api answered 503 quickly (no hang, no 500)',
    ok: outage.requests > 0 && others.length === 0 && outage.slowestMs <= PROBE_SLOWEST_ALLOWED_MS,
    detail:
      `${outage.requests} requests: ${JSON.stringify(outage.byStatus)}, slowest ${outage.slowestMs} ms` +
      (outage.failures.length ? `; no answer: ${outage.failures.join('; ')}` : ''),
  };
}

main().catch((error: Error) => {
  console.error(`chaos failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
