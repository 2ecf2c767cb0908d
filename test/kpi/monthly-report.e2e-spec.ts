import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import { localDate } from '@hotline/clock';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually } from '../support/kafka-probe';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Rate = { rate: number | null; numerator: number; denominator: number; pending: number };
type RatesRow = { groupKey: string } & Record<string, Rate>;
interface ReportRow {
  groupKey: string;
  rank: number;
  score: number | null;
  rates: Record<string, Rate>;
  change: Record<string, number | null>;
}

const METRICS = ['onTimeDispatch', 'dispatchAccuracy', 'timelyResponse', 'reasonableCallback', 'trackedSupervision'];
const THREE = ['response', 'resolution', 'satisfaction'];
const STREET = '110105001';

/** The monthly 点评 (docs/kpi.md, "Monthly review") against the five-rates and three-rates APIs. */
describe('the monthly review report (real api + worker, projection fed by Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let supervisor: ReturnType<typeof as>;
  const month = localDate(new Date()).slice(0, 7);
  const next = (() => {
    const [y, m] = month.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  })();
  const period = `from=${month}-01&to=${next}-01`;

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    const agent = as(http, await tokenFor(http, 'agent'));
    const c = (await agent.post('/cases', caseBody()).expect(201)).body;
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    await eventually(async () => {
      const rows = (await supervisor.get(`/kpi/five-rates?${period}&groupBy=unit`).expect(200)).body
        .items as RatesRow[];
      return rows.some((r) => r.groupKey === STREET) ? true : undefined;
    });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('gives each unit the five and three rates of the month exactly as their own APIs do, ranked by score', async () => {
    // Read until the projection has settled (the worker may still be applying this file's case).
    const { res, report } = await eventually(async () => {
      const res = await supervisor.get(`/kpi/report?month=${month}&groupBy=unit`).expect(200);
      const report = res.body as { month: string; items: ReportRow[]; total: number };
      const five = (await supervisor.get(`/kpi/five-rates?${period}&groupBy=unit`).expect(200)).body
        .items as RatesRow[];
      const three = (await supervisor.get(`/kpi/three-rates?${period}&groupBy=unit`).expect(200)).body
        .items as RatesRow[];
      const same =
        JSON.stringify(report.items.map((r) => r.groupKey).sort()) ===
          JSON.stringify(five.map((r) => r.groupKey).sort()) &&
        report.items.every((row) => {
          const f = five.find((r) => r.groupKey === row.groupKey)!;
          const t = three.find((r) => r.groupKey === row.groupKey);
          return (
            METRICS.every((m) => JSON.stringify(row.rates[m]) === JSON.stringify(f[m])) &&
            (!t || THREE.every((m) => JSON.stringify(row.rates[m]) === JSON.stringify(t[m])))
          );
        });
      return same ? { res, report } : undefined;
    });
    expect(res).toSatisfyApiSpec();
    expect(report.month).toBe(month);
    expect(report.items.some((r) => r.groupKey === STREET)).toBe(true);
    const scores = report.items.map((r) => r.score ?? -1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(report.items.map((r) => r.rank)).toEqual([...report.items.map((r) => r.rank)].sort((a, b) => a - b));
    expect(report.total).toBe(report.items.length);
  });

  it('is also CSV, in rank order', async () => {
    const json = (await supervisor.get(`/kpi/report?month=${month}&groupBy=district`).expect(200)).body as {
      items: ReportRow[];
    };
    const csv = await supervisor.get(`/kpi/report?month=${month}&groupBy=district&format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['rank', 'groupKey', 'groupName', 'score']);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(json.items.map((r) => r.groupKey));
  });

  it('refuses a bad month or grouping, naming the field, and shows a handler only its own unit', async () => {
    for (const [query, field] of [
      ['month=2026-13', 'month'],
      ['month=2026-11-01', 'month'],
      ['month=2026-11&groupBy=street', 'groupBy'],
    ]) {
      const res = await supervisor.get(`/kpi/report?${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const handler = as(http, await tokenFor(http, 'handler', STREET));
    const own = (await handler.get(`/kpi/report?month=${month}`).expect(200)).body.items as ReportRow[];
    expect(own.map((r) => r.groupKey)).toEqual([STREET]);
    await handler.get(`/kpi/report?month=${month}&groupBy=district`).expect(400);
  });
});
