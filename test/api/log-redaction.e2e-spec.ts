import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

/**
 * The api's own log output, from its main.ts in a child process (as it runs in production): no phone
 * number in it, neither from a URL's query nor from a failed SQL statement's parameters.
 */
describe('logs never carry a phone number (the api as a process, on PostgreSQL and Kafka)', () => {
  const PHONE = '13912345678';
  let api: ChildProcess;
  let output = '';
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // A session that waits for a lock gives up after 300 ms: the test holds a lock the api needs, so a
    // statement with the phone among its parameters fails in the database.
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('options', `-c role=${process.env.DATABASE_APP_ROLE ?? 'hotline_app'} -c lock_timeout=300`);
    api = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'], {
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: 'true',
        PORT: String(port),
        LOG_LEVEL: 'info',
        DATABASE_URL: url.toString(),
      },
      stdio: 'pipe',
    });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => /api listening/.test(output), 50_000);
  });
  afterAll(() => api?.kill('SIGTERM'));

  it('redacts the caller’s phone from request URLs and drops a failed statement’s parameters', async () => {
    const http = () => request(baseUrl);
    const agent = as(http, await tokenFor(http, 'agent'));
    await agent.get(`/cases?callerPhone=${PHONE}&limit=5`).expect(200);
    await agent.get(`/cases?q=%E7%94%B5%E8%AF%9D${PHONE}`).expect(200); // 电话<phone>

    // Registration locks the caller (an advisory lock keyed by the phone): hold it, and the api's
    // statement `SELECT pg_advisory_xact_lock(hashtext($1))` with `caller:<phone>` fails on lock_timeout.
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`caller:${PHONE}`]);
      await agent.post('/cases', caseBody({ callerPhone: PHONE })).expect(500);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await waitFor(() => /lock timeout/.test(output) && /"statusCode":500/.test(output), 10_000);

    const lines = output.split('\n').filter((line) => line.startsWith('{'));
    const failure = lines.find((line) => /lock timeout/.test(line))!;
    const logged = JSON.parse(failure) as { level: number; err: Record<string, unknown> };
    expect(logged).toMatchObject({ level: 50, err: { type: 'QueryFailedError', code: '55P03' } });
    expect(Object.keys(logged.err)).not.toEqual(expect.arrayContaining(['parameters']));
    expect(Object.keys(logged.err)).not.toEqual(expect.arrayContaining(['query']));
    expect(failure).not.toContain('pg_advisory_xact_lock'); // the statement itself
    expect(output).toContain('callerPhone=[Redacted]&limit=5');
    expect(output).toContain('?q=[Redacted]');
    expect(output).not.toContain(PHONE);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the api’s output');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
