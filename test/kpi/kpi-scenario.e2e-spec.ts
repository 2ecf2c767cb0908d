import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { localDate } from '@hotline/clock';
import { Http, startApi, startWorker } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually } from '../support/kafka-probe';

type Client = ReturnType<typeof as>;
type Rate = { rate: number | null; numerator: number; denominator: number; pending: number };
type Row = { groupKey: string; groupName: string } & Record<string, Rate>;

const STREET = '110116001'; // a street no other test uses: its rows move only with this scenario
const METRICS = ['onTimeDispatch', 'dispatchAccuracy', 'timelyResponse', 'reasonableCallback', 'trackedSupervision'];

describe('the five rates and the three rates through the api (real api + worker, projection fed by Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let supervisor: Client;
  let street: Client;
  const today = localDate(new Date());
  const period = `from=${localDate(new Date(Date.now() - 30 * 86_400_000))}&to=${localDate(new Date(Date.now() + 60 * 86_400_000))}`;

  const streetRow = async (path = 'five-rates', who = supervisor): Promise<Row | undefined> => {
    const res = await who.get(`/kpi/${path}?${period}&groupBy=street`).expect(200);
    return (res.body.items as Row[]).find((r) => r.groupKey === STREET);
  };
  const counts = (row: Row | undefined, metric: string) =>
    row?.[metric] ?? { rate: null, numerator: 0, denominator: 0, pending: 0 };

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    street = as(http, await tokenFor(http, 'handler', STREET));
    void adminToken;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('gives known rates for a known scenario, with misses explained and the same figures in CSV', async () => {
    const before = await streetRow();
    const beforeThree = await streetRow('three-rates');
    const register = async () =>
      (await agent.post('/cases', caseBody({ districtCode: '110116', streetCode: STREET })).expect(201)).body
        .id as string;

    // A: handled end to end, on time everywhere, citizen satisfied.
    const a = await register();
    await agent.post(`/cases/${a}/dispatch`, { leadUnitCode: STREET }).expect(201);
    await street.post(`/cases/${a}/sign`).expect(201);
    await street.post(`/cases/${a}/respond`, { note: '已联系' }).expect(201);
    await street.post(`/cases/${a}/resolve`, { outcome: 'solved', reply: '已解决' }).expect(201);
    await agent.post(`/cases/${a}/callback`, { reached: true, solved: true, satisfaction: 'satisfied' }).expect(201);
    // B: the first dispatch is returned (approved) and the case re-dispatched: an inaccurate dispatch.
    const b = await register();
    await agent.post(`/cases/${b}/dispatch`, { leadUnitCode: STREET }).expect(201);
    const ret = (
      await street.post(`/cases/${b}/return`, { reasonCode: 'wrong_location', reason: '不属本街道' }).expect(201)
    ).body;
    await supervisor.post(`/cases/${b}/returns/${ret.id}/review`, { approve: true }).expect(201);
    await agent.post(`/cases/${b}/dispatch`, { leadUnitCode: STREET }).expect(201);
    // C: registered, not dispatched yet: pending for on-time dispatch.
    await register();

    const after = await eventually(async () => {
      const row = await streetRow();
      return counts(row, 'onTimeDispatch').pending > counts(before, 'onTimeDispatch').pending &&
        counts(row, 'reasonableCallback').numerator > counts(before, 'reasonableCallback').numerator
        ? row
        : undefined;
    });
    const delta = (metric: string) => {
      const x = counts(after, metric);
      const y = counts(before, metric);
      return {
        numerator: x.numerator - y.numerator,
        denominator: x.denominator - y.denominator,
        pending: x.pending - y.pending,
      };
    };
    expect(delta('onTimeDispatch')).toEqual({ numerator: 2, denominator: 2, pending: 1 }); // A, B on time; C pending
    expect(delta('dispatchAccuracy')).toEqual({ numerator: 1, denominator: 2, pending: 0 }); // B returned
    expect(delta('timelyResponse')).toEqual({ numerator: 1, denominator: 1, pending: 1 }); // A responded; B (kept dispatch) still in time
    expect(delta('reasonableCallback')).toEqual({ numerator: 1, denominator: 1, pending: 0 }); // A called back
    expect(delta('trackedSupervision')).toEqual({ numerator: 0, denominator: 0, pending: 0 });
    const streets = (await supervisor.get('/units?kind=street&parentCode=110116&limit=1000').expect(200)).body
      .items as { code: string; name: string }[];
    expect(after.groupName).toBe(streets.find((s) => s.code === STREET)!.name);

    const afterThree = await streetRow('three-rates');
    expect(counts(afterThree, 'resolution').numerator - counts(beforeThree, 'resolution').numerator).toBe(1);
    expect(counts(afterThree, 'satisfaction').denominator - counts(beforeThree, 'satisfaction').denominator).toBe(1);

    const misses = (
      await supervisor
        .get(`/kpi/five-rates/misses?metric=dispatchAccuracy&${period}&groupBy=street&groupKey=${STREET}&limit=1000`)
        .expect(200)
    ).body;
    expect(misses.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: b, why: 'the first dispatch was returned (return approved)' }),
      ]),
    );
    expect(misses.items.map((m: { caseId: string }) => m.caseId)).not.toContain(a);

    const csv = await supervisor.get(`/kpi/five-rates?${period}&groupBy=street&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const line = csv.text.split('\n').find((l) => l.startsWith(`${STREET},`))!;
    const cells = line.split(',');
    expect(Number(cells[3])).toBe(after.onTimeDispatch.numerator);
    expect(Number(cells[4])).toBe(after.onTimeDispatch.denominator);

    const byDay = (await supervisor.get(`/kpi/five-rates?${period}&groupBy=day`).expect(200)).body.items as Row[];
    expect(byDay.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.groupKey))).toBe(true);
    for (const row of [after, ...byDay]) {
      for (const metric of METRICS) {
        const r = row[metric];
        expect(r.rate).toBe(r.denominator === 0 ? null : r.numerator / r.denominator);
      }
    }
  });

  it('shows a handler its own unit only', async () => {
    const own = (await street.get(`/kpi/five-rates?${period}&groupBy=unit`).expect(200)).body.items as Row[];
    expect(own.map((r) => r.groupKey)).toEqual([STREET]);
    await street.get(`/kpi/five-rates?${period}&groupBy=district`).expect(400);
    const misses = (await street.get(`/kpi/five-rates/misses?metric=dispatchAccuracy&${period}&limit=1000`).expect(200))
      .body.items as { unitCode: string }[];
    expect(misses.every((m) => m.unitCode === STREET)).toBe(true);
  });

  it('gives today’s live figures', async () => {
    const before = (await supervisor.get('/kpi/live').expect(200)).body;
    await agent.post('/cases', caseBody({ districtCode: '110116', streetCode: STREET })).expect(201);
    const live = (await supervisor.get('/kpi/live').expect(200)).body;
    expect(live).toMatchObject({ day: today, calls: expect.any(Object), cases: expect.any(Object) });
    expect(live.cases.registered - before.cases.registered).toBe(1);
    expect(live.cases.open - before.cases.open).toBe(1);
    const primary = (figures: { byHotline: { hotline: string; cases: number }[] }) =>
      figures.byHotline.find((h) => h.hotline === '12345')?.cases ?? 0;
    expect(primary(live) - primary(before)).toBe(1);
    const csv = await supervisor.get('/kpi/live?format=csv').expect(200);
    expect(csv.text).toContain('hotline,name,calls,answered,cases');
  });

  it('names bad KPI parameters', async () => {
    const res = await supervisor.get('/kpi/five-rates?from=2026-13&groupBy=planet').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'groupBy', 'to']);
    await supervisor.get('/kpi/five-rates?from=2026-12-01&to=2026-11-01').expect(400);
    await supervisor.get('/kpi/five-rates/misses?metric=speed&from=2026-11-01&to=2026-12-01').expect(400);
  });
});
