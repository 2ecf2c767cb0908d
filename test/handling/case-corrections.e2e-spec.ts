import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import { localDate } from '@hotline/clock';
import { UNIT_NOTICE_TYPE } from '@hotline/cases';
import { unitInboxTopic } from '@hotline/messaging';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { connectUnitSystems, unitPrincipal } from '../support/kafka-principals';
import { eventually, KafkaProbe } from '../support/kafka-probe';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
type Deadlines = Record<'dispatch' | 'sign' | 'response' | 'resolve' | 'callback', string | null>;
type Rate = { numerator: number; denominator: number; pending: number };

const STREET = '110105001';
const OTHER_DISTRICT = '110108';

/**
 * The centre corrects a case and keeps notes on it (docs/api.md, "Corrections and notes"): the deadlines
 * follow a new urgency, the unit hears it, the KPIs count the case where it now belongs.
 */
describe('case corrections and internal notes (real api + worker, PostgreSQL, Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let supervisor: Client;
  let street: Client;
  let other: Client;
  const streetInbox = new KafkaProbe([unitInboxTopic(STREET)], unitPrincipal(STREET));
  const deadlinesOf = async (id: string) => (await agent.get(`/cases/${id}`).expect(200)).body.deadlines as Deadlines;

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    connectUnitSystems(STREET);
    await streetInbox.start();
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    street = as(http, await tokenFor(http, 'handler', STREET));
    other = as(http, await tokenFor(http, 'handler', '110108001'));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await streetInbox.stop();
  });

  it('re-times the running deadlines for a new urgency, tells the unit, and restores them when corrected back', async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    await street.post(`/cases/${c.id}/sign`).expect(201);
    const before = await deadlinesOf(c.id);

    const res = await agent
      .post(`/cases/${c.id}/corrections`, { urgency: 'emergency', reason: '涉及燃气泄漏，应为紧急' })
      .expect(201);
    expect(res).toSatisfyApiSpec();
    expect(res.body.urgency).toBe('emergency');
    const after = res.body.deadlines as Deadlines;
    expect(Date.parse(after.resolve!)).toBeLessThan(Date.parse(before.resolve!));
    expect(Date.parse(after.response!)).toBeLessThanOrEqual(Date.parse(before.response!));
    expect(after.sign).toBe(before.sign); // met already: a met deadline stays as it was

    const timeline = (await agent.get(`/cases/${c.id}`).expect(200)).body.timeline as {
      type: string;
      data: Record<string, unknown>;
      after: Record<string, unknown> | null;
    }[];
    const corrected = timeline.find((e) => e.type === 'corrected')!;
    expect(corrected.data).toMatchObject({ reason: '涉及燃气泄漏，应为紧急', fields: ['urgency'], retimed: true });

    const [notice] = await streetInbox.waitFor(
      (m) => m.json().type === UNIT_NOTICE_TYPE && m.json().subject === c.id && m.json().data.kind === 'corrected',
    );
    expect((notice.json().data as { deadlines: Deadlines }).deadlines.resolve).toBe(after.resolve);
    const item = await eventually(async () => {
      const items = (await street.get(`/units/${STREET}/inbox?limit=1000`).expect(200)).body.items as {
        caseId: string;
        urgency: string;
        dueAt: string;
      }[];
      return items.find((i) => i.caseId === c.id && i.urgency === 'emergency');
    });
    expect(item.dueAt).toBe(after.response);

    await supervisor.post(`/cases/${c.id}/corrections`, { urgency: 'general', reason: '复核后恢复为一般' }).expect(201);
    expect(await deadlinesOf(c.id)).toEqual(before);
  });

  it('moves the case to its corrected place: drops the old street, re-cuts the search words, regroups the KPIs', async () => {
    const month = localDate(new Date()).slice(0, 7);
    const period = `from=${month}-01&to=${localDate(new Date(Date.now() + 40 * 86_400_000))}`;
    const cohort = async (district: string) => {
      const rows = (await supervisor.get(`/kpi/five-rates?${period}&groupBy=district`).expect(200)).body.items as ({
        groupKey: string;
      } & Record<string, Rate>)[];
      const r = rows.find((x) => x.groupKey === district)?.onTimeDispatch;
      return r ? r.denominator + r.pending : 0;
    };
    const both = async () => [await cohort('110105'), await cohort(OTHER_DISTRICT)].join(',');
    // The dispatch cohorts of both districts once the projection is still (two reads a moment apart agree).
    const settled = await eventually(async () => {
      const first = await both();
      await new Promise((r) => setTimeout(r, 500));
      return first === (await both()) ? first.split(',').map(Number) : undefined;
    });
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await eventually(async () => ((await both()) === `${settled[0] + 1},${settled[1]}` ? true : undefined));

    const res = await agent
      .post(`/cases/${c.id}/corrections`, {
        districtCode: OTHER_DISTRICT,
        address: '海淀区清河营东路甲九号院',
        reason: '市民所述地址在海淀区',
      })
      .expect(201);
    expect(res.body).toMatchObject({ districtCode: OTHER_DISTRICT, streetCode: null });
    const found = (await agent.get(`/cases?q=${encodeURIComponent('清河营东路甲九号院')}&limit=1000`).expect(200)).body
      .items as {
      id: string;
    }[];
    expect(found.map((f) => f.id)).toContain(c.id);

    await eventually(async () => ((await both()) === `${settled[0]},${settled[1] + 1}` ? true : undefined));
  });

  it('refuses a wrong place, a correction that changes nothing, a unit and a finished case, naming the field', async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    const wrongStreet = await agent
      .post(`/cases/${c.id}/corrections`, { streetCode: '110108001', reason: '更正街道' })
      .expect(400);
    expect(wrongStreet.body.errors).toEqual([
      expect.objectContaining({ field: 'streetCode', reason: 'not_in_district' }),
    ]);
    const same = await agent.post(`/cases/${c.id}/corrections`, { urgency: 'general', reason: '无变化' }).expect(400);
    expect(same.body.errors).toEqual([expect.objectContaining({ field: 'urgency', reason: 'nothing_to_correct' })]);
    const noReason = await agent.post(`/cases/${c.id}/corrections`, { urgency: 'complex' }).expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    await street.post(`/cases/${c.id}/corrections`, { urgency: 'complex', reason: '单位无权更正' }).expect(403);

    const consultation = (await agent.post('/cases', caseBody({ demandType: 'consultation' })).expect(201)).body;
    await agent.post(`/cases/${consultation.id}/answer`, { reply: '已电话解答' }).expect(201);
    const finished = await agent
      .post(`/cases/${consultation.id}/corrections`, { urgency: 'complex', reason: '已办结' })
      .expect(409);
    expect(finished.body.reason).toBe('case.finished');
  });

  it('keeps centre notes from the units, shows units’ notes to the case’s units only', async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    const centre = await agent.post(`/cases/${c.id}/notes`, { text: '市民情绪激动，注意沟通方式' }).expect(201);
    expect(centre).toSatisfyApiSpec();
    expect(centre.body.visibility).toBe('centre');
    await supervisor.post(`/cases/${c.id}/notes`, { text: '请于今日下午联系市民', visibility: 'units' }).expect(201);
    const byUnit = (await street.post(`/cases/${c.id}/notes`, { text: '已安排网格员' }).expect(201)).body;
    expect(byUnit).toMatchObject({ visibility: 'units', authorRole: 'handler', authorUnitCode: STREET });
    const refused = await street.post(`/cases/${c.id}/notes`, { text: '仅中心', visibility: 'centre' }).expect(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'visibility', reason: 'centre_staff_only' }),
    ]);

    const forCentre = await agent.get(`/cases/${c.id}/notes`).expect(200);
    expect(forCentre).toSatisfyApiSpec();
    expect((forCentre.body.items as { text: string }[]).map((n) => n.text)).toEqual([
      '市民情绪激动，注意沟通方式',
      '请于今日下午联系市民',
      '已安排网格员',
    ]);
    const forUnit = (await street.get(`/cases/${c.id}/notes`).expect(200)).body.items as { text: string }[];
    expect(forUnit.map((n) => n.text)).toEqual(['请于今日下午联系市民', '已安排网格员']);
    await other.get(`/cases/${c.id}/notes`).expect(404);
    await other.post(`/cases/${c.id}/notes`, { text: '别的单位' }).expect(404);
    // Notes stay in the centre: not on the timeline.
    const timeline = (await agent.get(`/cases/${c.id}`).expect(200)).body.timeline as { type: string }[];
    expect(timeline.map((e) => e.type)).toEqual(['registered', 'dispatched']);
  });
});
