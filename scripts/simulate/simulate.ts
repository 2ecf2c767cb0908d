import { parseArgs } from 'node:util';
import { ApiClient, Tally } from './api-client';
import { City, CityDirectory } from './city';
import { SeededRandom } from './random';
import { Scheduler } from './scheduler';

/**
 * `npm run simulate -- [options]`: a living city for the dashboard. Drives the real api with a
 * realistic mix of traffic — the lines' shares, demand types (most consultations answered on the
 * call), urgencies, repeat callers, transfers — and plays the units and the centre: dispatch, sign,
 * respond, resolve after random delays (some late), returns, callbacks (some unsatisfied).
 *
 *   --base-url http://127.0.0.1:3000   --calls-per-day 65000   --speed 60   --minutes 10
 *   --cases N (stop calling after N cases)   --seed 12345   --concurrency 16
 *   --admin admin --admin-password <BOOTSTRAP_ADMIN_PASSWORD>
 *
 * Runs `--minutes` of wall-clock time, then stops; delays run `--speed` times faster than real
 * time (the server's deadlines do not).
 */
const { values: opts } = parseArgs({
  options: {
    'base-url': { type: 'string', default: process.env.SIMULATE_BASE_URL ?? 'http://127.0.0.1:3000' },
    'calls-per-day': { type: 'string', default: '65000' },
    speed: { type: 'string', default: '60' },
    minutes: { type: 'string', default: '10' },
    cases: { type: 'string' },
    seed: { type: 'string', default: '12345' },
    admin: { type: 'string', default: process.env.BOOTSTRAP_ADMIN_USERNAME ?? 'admin' },
    'admin-password': { type: 'string', default: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'admin12345' },
    concurrency: { type: 'string', default: '16' },
  },
});

const PROGRESS_EVERY_MS = 10_000;

async function loadDirectory(api: ApiClient, token: string): Promise<CityDirectory> {
  const [hotlines, streets, categories] = await Promise.all([
    api.call('GET', '/hotlines?limit=100', token),
    api.call('GET', '/units?kind=street&limit=1000', token),
    api.call('GET', '/categories?level=3&limit=1000', token),
  ]);
  const lines = (hotlines.body.items as { number: string | null; kind: string }[]).filter((h) => h.number !== null);
  return {
    mergedLines: lines.filter((h) => h.kind === 'merged').map((h) => h.number!),
    utilityLines: lines.filter((h) => h.kind === 'utility').map((h) => h.number!),
    streets: streets.body.items as { code: string; parentCode: string }[],
    leafCategories: (categories.body.items as { code: string }[]).map((c) => c.code),
  };
}

async function main(): Promise<void> {
  const tally = new Tally();
  const api = new ApiClient(opts['base-url'], tally);
  const random = new SeededRandom(Number(opts.seed));
  const speed = Number(opts.speed);
  const scheduler = new Scheduler(speed, Number(opts.concurrency), (e) => tally.add(`error ${e.message.slice(0, 60)}`));

  const admin = await api.signIn(opts.admin, opts['admin-password']);
  const staff = {
    admin,
    agent: await api.userToken(admin, 'agent'),
    supervisor: await api.userToken(admin, 'supervisor'),
  };
  const city = new City(api, random, tally, scheduler, await loadDirectory(api, staff.agent), staff);

  const callsPerSecond = (Number(opts['calls-per-day']) / 86_400) * speed;
  const maxCases = opts.cases === undefined ? Infinity : Number(opts.cases);
  const end = Date.now() + Number(opts.minutes) * 60_000;
  console.log(
    `simulate: ${callsPerSecond.toFixed(1)} calls/s (${opts['calls-per-day']}/day ×${speed}) for ${opts.minutes} min, seed ${opts.seed}, against ${opts['base-url']}`,
  );

  let nextCall = Date.now();
  let nextReport = Date.now() + PROGRESS_EVERY_MS;
  for (;;) {
    const now = Date.now();
    const calling = now < end && tally.of('cases registered') < maxCases;
    if (now >= end || (!calling && scheduler.pending === 0 && scheduler.inFlight === 0)) break;
    if (now >= nextReport) {
      nextReport += PROGRESS_EVERY_MS;
      console.log(`  ${JSON.stringify(tally.counts)} (${scheduler.pending} follow-ups waiting)`);
    }
    // Follow-ups first: they are few, and a generator that cannot keep up must not starve them.
    if (scheduler.runDue()) continue;
    if (calling && now >= nextCall && scheduler.hasCapacity()) {
      // Behind by more than a second (the api is saturated): drop the backlog instead of bursting.
      nextCall = Math.max(nextCall + 1000 / callsPerSecond, now - 1000);
      scheduler.launch(() => city.call());
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  while (scheduler.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  console.table(tally.counts);
  console.log(`simulate: stopped with ${scheduler.pending} follow-ups not yet due`);
}

main().catch((error: Error) => {
  console.error(`simulate failed: ${error.message}`);
  process.exit(1);
});
