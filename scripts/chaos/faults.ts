import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import type { BenchStack } from '../bench/stack';

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface OutageProbe {
  requests: number;
  /** Answers by status while PostgreSQL was down (0 = no answer: connection failed). */
  byStatus: Record<number, number>;
  slowestMs: number;
  /** Why requests got no answer at all (first few). */
  failures: string[];
  /** When PostgreSQL was stopped. */
  since: number;
}

/** The worker dies without shutdown hooks (SIGKILL) mid-load and comes back after a pause. */
export async function killWorker(stack: BenchStack, downMs: number): Promise<void> {
  await stack.killWorker();
  await sleep(downMs);
  stack.startWorker();
}

/**
 * The Kafka broker stops (the relay keeps the outbox, consumers wait) and starts again; `meanwhile`
 * runs while it is away (the worker killed and started without a broker).
 */
export async function restartKafka(downMs: number, meanwhile: () => Promise<void> = async () => {}): Promise<void> {
  execFileSync('bash', ['scripts/kafka/kafka.sh', 'stop'], { cwd: ROOT, stdio: 'ignore' });
  const until = Date.now() + downMs;
  await meanwhile();
  await sleep(until - Date.now());
  execFileSync('bash', ['scripts/kafka/kafka.sh', 'start'], { cwd: ROOT, stdio: 'ignore' });
}

/**
 * PostgreSQL stops (fast shutdown: every connection is cut) and starts again; meanwhile the api is
 * asked every 200 ms — /health and a write — to show it answers 503 quickly, neither hanging nor 500.
 */
export async function restartPostgres(stack: BenchStack, agentToken: string, downMs: number): Promise<OutageProbe> {
  const cluster = localCluster();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'stop', '-m', 'fast'], {
    stdio: 'ignore',
  });
  const probe: OutageProbe = { requests: 0, byStatus: {}, slowestMs: 0, failures: [], since: Date.now() };
  const until = Date.now() + downMs;
  while (Date.now() < until) {
    await Promise.all([
      ask(probe, `${stack.baseUrl}/health`, { method: 'GET' }),
      ask(probe, `${stack.baseUrl}/api/v1/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` },
        body: JSON.stringify({
          dialedNumber: '12345',
          callerNumber: '13700000000',
          startedAt: new Date().toISOString(),
        }),
      }),
    ]);
    await sleep(200);
  }
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'start'], { stdio: 'ignore' });
  return probe;
}

/** One request on a fresh connection (no keep-alive pool: each probe stands alone). */
async function ask(
  probe: OutageProbe,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<void> {
  const started = Date.now();
  const status = await new Promise<number>((resolve) => {
    const req = request(url, { method: init.method, headers: init.headers, agent: false, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (probe.failures.length < 5)
        probe.failures.push(`${url} (+${Date.now() - probe.since} ms): ${error.code ?? error.message}`);
      resolve(0);
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 30 s')));
    req.end(init.body);
  });
  probe.requests++;
  probe.byStatus[status] = (probe.byStatus[status] ?? 0) + 1;
  probe.slowestMs = Math.max(probe.slowestMs, Date.now() - started);
}

/** The machine's cluster on port 5432 (the chaos run restarts only a cluster it can name). */
function localCluster(): string {
  const line = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.split(/\s+/)[2] === '5432');
  if (!line) throw new Error('chaos: no local PostgreSQL cluster on port 5432 to restart (pg_lsclusters)');
  return line.split(/\s+/)[0];
}
