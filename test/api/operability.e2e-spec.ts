import { spawn } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Http, startApi } from '../support/apps';

describe('operability (real api on PostgreSQL and Kafka)', () => {
  let app: NestExpressApplication;
  let http: () => Http;

  beforeAll(async () => {
    ({ app, http } = await startApi());
  });
  afterAll(() => app?.close());

  it('reports the database and Kafka up on /health', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, kafka: { status: 'up', brokers: 1 } },
    });
  });

  it('exposes HTTP, outbox and consumer figures on /metrics', async () => {
    await http().get('/api/v1/hotlines').expect(401);
    const res = await http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /hotline_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/hotlines"[^}]*status="401"/,
    );
    expect(res.text).toMatch(/^hotline_outbox_backlog_messages\{app="api"\} \d+/m);
    expect(res.text).toMatch(/^hotline_outbox_oldest_age_seconds\{app="api"\} [\d.]+/m);
    expect(res.text).toContain('# TYPE hotline_kafka_consumer_lag_messages gauge');
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json', async () => {
    const ui = await http().get('/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await http().get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/token', '/api/v1/hotlines', '/health']),
    );
  });

  it('answers an unknown route and an oversized body in the one error shape', async () => {
    const missing = await http().get('/api/v1/nowhere').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const huge = await http()
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: 'x'.repeat(300_000) })
      .expect(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(JSON.stringify(huge.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('tags every response with a request id, echoing the caller’s', async () => {
    const res = await http().get('/health').set('x-request-id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
    const error = await http().get('/api/v1/users').set('x-request-id', 'trace-456').expect(401);
    expect(error.body.requestId).toBe('trace-456');
  });
});

describe('when the database goes away', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let proxy: Server;
  const sockets = new Set<Socket>();
  const originalUrl = process.env.DATABASE_URL!;

  beforeAll(async () => {
    // The api reaches PostgreSQL through a TCP proxy the test can cut, like a network failure.
    const target = new URL(originalUrl);
    proxy = createServer((client) => {
      const upstream = new Socket().connect(Number(target.port || 5432), target.hostname);
      client.pipe(upstream).pipe(client);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const viaProxy = new URL(originalUrl);
    viaProxy.port = String((proxy.address() as { port: number }).port);
    process.env.DATABASE_URL = viaProxy.toString();
    ({ app, http } = await startApi());
    process.env.DATABASE_URL = originalUrl;
  });
  afterAll(async () => {
    await app?.close();
    proxy.close();
  });

  it('reports not ready on /health and answers 503, not 500, to requests that need it', async () => {
    await http().get('/health').expect(200);
    await new Promise<void>((resolve) => proxy.close(() => resolve()) && sockets.forEach((s) => s.destroy()));

    const health = await http().get('/health').expect(503);
    expect(health.body.error.database.status).toBe('down');
    expect(health.body.details.kafka.status).toBe('up');

    const res = await http().post('/api/v1/auth/token').send({ username: 'admin', password: 'admin12345' });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect(res.headers['retry-after']).toBe('5');
  });
});

describe('configuration', () => {
  /** The api's main.ts in a child process: its exit code (null when stopped at `until`) and output. */
  const runApi = (env: NodeJS.ProcessEnv, until?: RegExp) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
        { env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: 'pipe' },
      );
      let output = '';
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (until?.test(output)) child.kill('SIGTERM');
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      // A notice that never comes must fail the test, not leave an api behind holding the port.
      const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('exit', (code) => {
        clearTimeout(deadline);
        resolve({ code: until?.test(output) ? null : code, output });
      });
    });

  it('stops the api at start, naming each bad variable', async () => {
    const { code, output } = await runApi({ ...process.env, PORT: 'eighty', KAFKA_BROKERS: 'nowhere' });
    expect(code).not.toBe(0);
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/PORT: /);
    expect(output).toMatch(/KAFKA_BROKERS: must be host:port/);
  });

  it('refuses production with an empty admin password (an unset compose variable) or the role switch off', async () => {
    const { code, output } = await runApi({
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-of-at-least-thirty-two-characters',
      BOOTSTRAP_ADMIN_PASSWORD: '',
      DATABASE_APP_ROLE: 'none',
      KAFKA_SASL_PASSWORD: 'irrelevant',
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/BOOTSTRAP_ADMIN_PASSWORD: must be set \(not empty\) in production/);
    expect(output).toMatch(/DATABASE_APP_ROLE: must name the application role in production/);
    expect(output).not.toMatch(/listening/);
  });

  it('says loudly that it runs in development mode when NODE_ENV is not set', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '3391', LOG_LEVEL: 'info' };
    delete env.NODE_ENV;
    const { code, output } = await runApi(env, /DEVELOPMENT mode/);
    expect(code).toBeNull(); // stopped once the notice was seen
    expect(output).toMatch(/NODE_ENV is not set: running in DEVELOPMENT mode/);
  });
});
