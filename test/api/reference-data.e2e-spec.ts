import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';

describe('reference data (seeded, real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let admin: string;
  let agent: string;
  const get = (path: string, token = agent) => http().get(`/api/v1${path}`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    ({ app, http } = await startApi());
    admin = await adminToken(http);
    agent = await tokenFor(http, 'agent');
  });
  afterAll(async () => {
    await app?.get(DataSource).query(`UPDATE dispatch_rules SET active = false WHERE name LIKE 'test rule %'`);
    await app?.close();
  });

  it('lists the 28 lines: 12345, 16 merged government lines, 11 utility lines', async () => {
    const res = await get('/hotlines').expect(200);
    expect(res.body.total).toBe(28);
    const kinds = res.body.items.map((h: { kind: string }) => h.kind);
    expect(kinds.filter((k: string) => k === 'primary')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'merged')).toHaveLength(16);
    expect(kinds.filter((k: string) => k === 'utility')).toHaveLength(11);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: '12319', name: '城市管理', kind: 'merged' }),
        expect.objectContaining({ number: '95598', kind: 'utility', unitCode: 'UTIL-POWER' }),
        expect.objectContaining({ code: 'drainage', number: null, kind: 'utility' }),
      ]),
    );
    const merged = await get('/hotlines?kind=merged').expect(200);
    expect(merged.body.total).toBe(16);
  });

  it('lists units by kind and parent: 16 districts, every one with streets', async () => {
    const districts = await get('/units?kind=district').expect(200);
    expect(districts.body.total).toBe(16);
    expect(districts.body.items.map((u: { name: string }) => u.name)).toContain('朝阳区');
    for (const district of districts.body.items as { code: string }[]) {
      const streets = await get(`/units?kind=street&parentCode=${district.code}&limit=1`).expect(200);
      expect(streets.body.total).toBeGreaterThanOrEqual(6);
    }
    const utilities = await get('/units?kind=utility').expect(200);
    expect(utilities.body.total).toBe(11);
  });

  it('serves the three-level category tree, paged', async () => {
    const top = await get('/categories?level=1&limit=100').expect(200);
    expect(top.body.total).toBeGreaterThanOrEqual(15);
    const first = top.body.items[0] as { code: string };
    const children = await get(`/categories?parentCode=${first.code}`).expect(200);
    expect(
      children.body.items.every((c: { level: number; code: string }) => c.level === 2 && c.code.startsWith(first.code)),
    ).toBe(true);
    const page1 = await get('/categories?limit=5&offset=0').expect(200);
    const page2 = await get('/categories?limit=5&offset=5').expect(200);
    expect(page1.body.items).toHaveLength(5);
    expect(page2.body.items[0].code).not.toBe(page1.body.items[0].code);
    expect(page2.body.total).toBe(page1.body.total);
  });

  it('names bad paging and filter parameters', async () => {
    const res = await get('/units?limit=0&offset=-1&kind=planet').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'limit', 'offset']);
    const typed = await get('/categories?level=abc').expect(400);
    expect(typed.body.errors[0].field).toBe('level');
  });

  describe('dispatch catalogue', () => {
    const rule = (overrides: object = {}) => ({
      priority: 5000,
      name: `test rule ${randomUUID()}`,
      // Narrow (其他, 延庆区) and deactivated afterwards: the test database is shared with dispatch tests.
      categoryCode: '19',
      districtCode: '110119',
      target: 'street_of_location',
      ...overrides,
    });
    const post = (body: object, token = admin) =>
      http().post('/api/v1/dispatch-rules').auth(token, { type: 'bearer' }).send(body);

    it('lists the seeded rules in priority order', async () => {
      const res = await get('/dispatch-rules?limit=1000').expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(30);
      const priorities = res.body.items.map((r: { priority: number }) => r.priority);
      expect(priorities).toEqual([...priorities].sort((a: number, b: number) => a - b));
    });

    it('lets an admin add a rule, and only an admin', async () => {
      await post(rule(), agent).expect(403);
      const res = await post(rule({ target: 'unit', leadUnitCode: 'UTIL-WATER', coUnitCodes: ['DEPT-WATER'] })).expect(
        201,
      );
      expect(res.body).toMatchObject({
        target: 'unit',
        leadUnitCode: 'UTIL-WATER',
        coUnitCodes: ['DEPT-WATER'],
        auto: false,
        active: true,
      });
      await post({ ...rule(), name: res.body.name }).expect(409);
    });

    it('refuses an unsound rule naming each field', async () => {
      const res = await post(
        rule({ districtCode: '110105', streetCode: '110101001', leadUnitCode: 'UTIL-WATER', coUnitCodes: ['NOPE'] }),
      ).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'coUnitCodes.0',
        'leadUnitCode',
        'streetCode',
      ]);
    });
  });

  describe('SLA policy', () => {
    const put = (items: object[]) => http().put('/api/v1/sla-policy').auth(admin, { type: 'bearer' }).send({ items });
    const strip = ({
      urgency,
      categoryCode,
      dispatchWithin,
      signWithin,
      responseWithin,
      resolveWithin,
      callbackWithin,
      transferAckWithin,
    }: Record<string, unknown>) => ({
      urgency,
      categoryCode,
      dispatchWithin,
      signWithin,
      responseWithin,
      resolveWithin,
      callbackWithin,
      transferAckWithin,
    });

    it('serves the docs/product.md, "Reference data" defaults for the four urgencies', async () => {
      const res = await get('/sla-policy').expect(200);
      const byUrgency = Object.fromEntries(
        res.body.items
          .filter((p: { categoryCode: string | null }) => !p.categoryCode)
          .map((p: { urgency: string }) => [p.urgency, p]),
      );
      expect(Object.keys(byUrgency).sort()).toEqual(['basic_service', 'complex', 'emergency', 'general']);
      expect(byUrgency.emergency).toMatchObject({
        dispatchWithin: { amount: 1, unit: 'hours' },
        signWithin: { amount: 30, unit: 'minutes' },
        resolveWithin: { amount: 2, unit: 'hours' },
        callbackWithin: { amount: 48, unit: 'hours' },
      });
      expect(byUrgency.complex.resolveWithin).toEqual({ amount: 15, unit: 'calendar_days' });
    });

    it('is replaced whole by an admin, and refuses a policy missing an urgency or with bad durations', async () => {
      const original = (await get('/sla-policy').expect(200)).body.items.map(strip);
      try {
        const missing = await put(original.filter((p: { urgency: string }) => p.urgency !== 'emergency')).expect(400);
        expect(missing.body.errors).toEqual([
          {
            field: 'items',
            message: 'needs a default row (no categoryCode) for urgency emergency',
            reason: 'missing_default',
          },
        ]);
        const bad = await put([
          { ...original[0], dispatchWithin: { amount: 0, unit: 'fortnights' } },
          ...original.slice(1),
        ]).expect(400);
        expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
          'items.0.dispatchWithin.amount',
          'items.0.dispatchWithin.unit',
        ]);

        const general = original.find(
          (p: { urgency: string; categoryCode: string | null }) => p.urgency === 'general' && !p.categoryCode,
        );
        const override = { ...general, categoryCode: '0101', resolveWithin: { amount: 5, unit: 'working_days' } };
        const res = await put([...original, override]).expect(200);
        expect(res.body.items).toHaveLength(original.length + 1);
        expect((await get('/sla-policy').expect(200)).body.items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              urgency: 'general',
              categoryCode: '0101',
              resolveWithin: { amount: 5, unit: 'working_days' },
            }),
          ]),
        );
        await http().put('/api/v1/sla-policy').auth(agent, { type: 'bearer' }).send({ items: original }).expect(403);
      } finally {
        await put(original).expect(200);
      }
    });
  });
});
