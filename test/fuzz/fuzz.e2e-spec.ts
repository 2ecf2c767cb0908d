import type { NestExpressApplication } from '@nestjs/platform-express';
import { fuzzContext, runFuzz } from '../../scripts/fuzz/fuzz-run';
import { startApi } from '../support/apps';

/**
 * The short version of `npm run fuzz`: 1,000 malformed requests generated from openapi.json
 * against every endpoint of the real api (real PostgreSQL and Kafka): no 5xx, every 4xx names the problem.
 */
describe('fuzzing every endpoint from the OpenAPI document', () => {
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    ({ app } = await startApi());
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 1,000 malformed requests without a 5xx, naming the problem in every 4xx', async () => {
    const context = await fuzzContext(baseUrl, 'admin', 'admin12345');
    const report = await runFuzz(baseUrl, context, { count: 1000, seed: Date.now() % 100_000, concurrency: 4 });
    expect(report.requests).toBe(1000);
    // Most requests must reach validation or the handlers, not stop at sign-in.
    const refusedAtTheDoor = (report.byStatus[401] ?? 0) + (report.byStatus[429] ?? 0);
    expect(refusedAtTheDoor).toBeLessThan(500);
    expect(
      report.findings.map(
        (f) => `${f.problem}: ${f.request.method} ${f.request.url.slice(0, 100)} [${f.request.label}] → ${f.body}`,
      ),
    ).toEqual([]);
  });
});
