import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { processCpuMs } from './cpu';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { devCredentialsDir } from '@hotline/messaging';

const ROOT = join(__dirname, '..', '..');

export interface BenchStack {
  baseUrl: string;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  /** CPU time (user + system, ms) the api process has used so far, from /proc. */
  apiCpuMs(): number;
  workerCpuMs(): number;
  /** SIGKILL: no shutdown hooks, as in a crash. */
  killWorker(): Promise<void>;
  startWorker(): void;
  /** Exits of the api or worker that nobody asked for (a crash), as "worker: exit code 1". */
  unexpectedExits(): string[];
  stop(): Promise<void>;
}

/** The benchmarks' own database on the same server (never the development or test data). */
export function benchDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline');
  url.pathname = '/hotline_bench';
  return url.toString();
}

/**
 * Starts PostgreSQL and Kafka if needed, prepares the bench database, builds, and runs the real
 * api and worker as separate processes (as in production), so the load generator in this process
 * does not share their event loop.
 */
export async function startStack(port = 3100): Promise<BenchStack> {
  const databaseUrl = benchDatabaseUrl();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: `bench-${randomUUID()}-${randomUUID()}`,
    // Production reads no development credentials by itself: name the centre's password file.
    KAFKA_SASL_PASSWORD_FILE:
      process.env.KAFKA_SASL_PASSWORD_FILE ??
      join(devCredentialsDir({ KAFKA_CREDENTIALS_DIR: process.env.KAFKA_CREDENTIALS_DIR ?? '' }), 'centre.password'),
    BOOTSTRAP_ADMIN_PASSWORD: 'bench-admin-pass',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    WORKER_METRICS_PORT: '0',
    KAFKA_TOPIC_PREFIX: 'bench.',
    KAFKA_GROUP_PREFIX: `bench-${randomUUID().slice(0, 8)}`,
    KAFKA_NEW_GROUP_START: 'latest',
    LOG_LEVEL: 'warn',
    TS_NODE_TRANSPILE_ONLY: 'true',
    // The load generator sets X-Forwarded-For to stand for many clients (the sign-in flood).
    TRUST_PROXY: 'loopback',
  };
  run('bash', ['scripts/services.sh', 'up'], env);
  run('npm', ['run', '-s', 'prepare:stack'], env);
  run('npm', ['run', '-s', 'build'], env);
  const unexpectedExits: string[] = [];
  const stopping = new Set<ChildProcess>();
  const spawnApp = (app: 'api' | 'worker') => {
    const child = spawn(process.execPath, [`dist/apps/${app}/apps/${app}/src/main.js`], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code, signal) => {
      if (!stopping.has(child)) unexpectedExits.push(`${app}: exit ${signal ?? `code ${code}`}`);
    });
    return child;
  };
  const children = { worker: spawnApp('worker'), api: spawnApp('api') };
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/health`);
  // Let the worker's consumer groups join before any load.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return {
    baseUrl,
    databaseUrl,
    env,
    apiCpuMs: () => processCpuMs(children.api.pid),
    workerCpuMs: () => processCpuMs(children.worker.pid),
    killWorker: async () => {
      const exited = new Promise((resolve) => children.worker.once('exit', resolve));
      stopping.add(children.worker);
      children.worker.kill('SIGKILL');
      await exited;
    },
    startWorker: () => {
      children.worker = spawnApp('worker');
    },
    unexpectedExits: () => [...unexpectedExits],
    stop: async () => {
      const all = [children.worker, children.api].filter(
        (child) => child.exitCode === null && child.signalCode === null,
      );
      for (const child of all) {
        stopping.add(child);
        child.kill('SIGTERM');
      }
      await Promise.all(all.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up`);
}

/** A bearer token for a fresh user of `role` (the bench's bootstrap admin creates it). */
export async function tokenFor(baseUrl: string, role: string, unitCode?: string): Promise<string> {
  const post = async (path: string, body: object, token?: string) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { accessToken: string };
  };
  const admin = (await post('/auth/token', { username: 'admin', password: 'bench-admin-pass' })).accessToken;
  const username = `bench-${role}-${randomUUID().slice(0, 8)}`;
  await post('/users', { username, password: 'bench-passphrase-7', role, ...(unitCode ? { unitCode } : {}) }, admin);
  return (await post('/auth/token', { username, password: 'bench-passphrase-7' })).accessToken;
}

/** Waits until the outbox is drained and every consumer group has caught up (from the api's /metrics). */
export async function waitUntilQuiet(baseUrl: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    const backlog = Number(/^hotline_outbox_backlog_messages\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 1);
    const lags = [...text.matchAll(/^hotline_kafka_consumer_lag_messages\{[^}]*\} (\d+)/gm)].map((m) => Number(m[1]));
    if (backlog === 0 && lags.every((lag) => lag === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the pipeline did not drain in time');
}
