import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import { localDate } from '@hotline/clock';
import { TOPICS, unitInboxTopic } from '@hotline/messaging';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually, KafkaProbe } from '../support/kafka-probe';
import { connectUnitSystems, kcat, unitPrincipal } from '../support/kafka-principals';
import { testTopic } from '../support/test-topics';

// Answers are checked against the committed openapi.json by a validator nobody here wrote.
jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
type Rate = { numerator: number; denominator: number; pending: number };
type Row = { groupKey: string; groupName: string } & Record<string, Rate>;

const LEAD = '110101008'; // 建国门街道 (东城): no other test dispatches there
const CO = '110101009';
const COMPANY = { name: '北京某某科技有限公司', creditCode: '91110000600037341L' };
const enterpriseCase = (overrides: Record<string, unknown> = {}) =>
  caseBody({ districtCode: '110101', streetCode: LEAD, requesterKind: 'enterprise', company: COMPANY, ...overrides });

/**
 * The enterprise service channel (docs/product.md): an enterprise's demand names its company; a sensitive
 * one is dispatched anonymously (敏感诉求匿名交办) — the unit sees neither company nor caller, over HTTP or on
 * its own Kafka inbox — and the five rates count demands by requester kind. Real api, worker, PostgreSQL, Kafka.
 */
describe('the enterprise service channel (real api + worker on PostgreSQL and Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let supervisor: Client;
  let lead: Client;
  let co: Client;
  const leadInbox = new KafkaProbe([unitInboxTopic(LEAD)], unitPrincipal(LEAD));
  const shared = new KafkaProbe([TOPICS.dispatch, TOPICS.cases]);
  const period = `from=${localDate(new Date(Date.now() - 30 * 86_400_000))}&to=${localDate(new Date(Date.now() + 60 * 86_400_000))}`;
  const byKind = async (): Promise<Row[]> =>
    (await supervisor.get(`/kpi/five-rates?${period}&groupBy=requesterKind`).expect(200)).body.items;
  let kindsBefore: Row[];

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    connectUnitSystems(LEAD, CO);
    await Promise.all([leadInbox.start(), shared.start()]);
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    lead = as(http, await tokenFor(http, 'handler', LEAD));
    co = as(http, await tokenFor(http, 'handler', CO));
    kindsBefore = await byKind();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await Promise.all([leadInbox.stop(), shared.stop()]);
  });

  it('registers an enterprise’s demand with its company, the credit code taken in lower case too', async () => {
    // A policy question (政策咨询), answered on the call: it needs no unit and leaves no pending count.
    const registered = await agent
      .post(
        '/cases',
        enterpriseCase({
          demandType: 'consultation',
          company: { ...COMPANY, creditCode: '91350100m000100y43' },
        }),
      )
      .expect(201);
    expect(registered).toSatisfyApiSpec();
    expect(registered.body).toMatchObject({
      requesterKind: 'enterprise',
      sensitive: false,
      company: { name: COMPANY.name, creditCode: '91350100M000100Y43' },
    });
    await agent.post(`/cases/${registered.body.id}/answer`, { reply: '已告知办理条件和所需材料' }).expect(201);
    const citizen = await agent.post('/cases', caseBody({ districtCode: '110101', streetCode: LEAD })).expect(201);
    expect(citizen).toSatisfyApiSpec();
    expect(citizen.body).toMatchObject({ requesterKind: 'citizen', company: null, sensitive: false });
  });

  it('refuses a wrong credit code with a 400 naming company.creditCode, and a company where none belongs', async () => {
    const refusal = async (body: Record<string, unknown>) => {
      const res = await agent.post('/cases', body).expect(400);
      expect(res).toSatisfyApiSpec();
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'input.invalid' });
      return (res.body.errors as { field: string; reason: string }[]).map((e) => `${e.field}:${e.reason}`);
    };
    const withCode = (creditCode: string) => enterpriseCase({ company: { ...COMPANY, creditCode } });
    expect(await refusal(withCode('91110000600037341N'))).toEqual(['company.creditCode:check_digit']);
    expect(await refusal(withCode('9111000060003734'))).toEqual(['company.creditCode:length']);
    expect(await refusal(withCode('9111000060003734IL'))).toEqual(['company.creditCode:charset']);
    expect(await refusal(enterpriseCase({ company: undefined }))).toEqual(['company:required']);
    expect(await refusal(caseBody({ company: COMPANY, sensitive: true }))).toEqual([
      'company:enterprise_only',
      'sensitive:enterprise_only',
    ]);
  });

  it('dispatches a sensitive enterprise demand anonymously: the street sees no company and no caller, anywhere', async () => {
    const c = (await agent.post('/cases', enterpriseCase({ sensitive: true })).expect(201)).body;
    const phone = c.callerPhone as string;
    const secrets = [COMPANY.name, COMPANY.creditCode, phone, `${phone.slice(0, 3)}****${phone.slice(-4)}`];
    const reveals = (text: string) => secrets.filter((s) => text.includes(s));
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: LEAD }).expect(201);

    const detail = await lead.get(`/cases/${c.id}`).expect(200);
    expect(detail).toSatisfyApiSpec();
    expect(detail.body).toMatchObject({
      requesterKind: 'enterprise',
      sensitive: true,
      company: null,
      callerPhone: null,
    });
    const list = await lead.get(`/cases?streetCode=${LEAD}&limit=1000`).expect(200);
    expect(list).toSatisfyApiSpec();
    const listed = (list.body.items as { id: string }[]).find((i) => i.id === c.id);
    expect(listed).toMatchObject({ company: null, callerPhone: null, callerName: null });
    const signed = await lead.post(`/cases/${c.id}/sign`).expect(201);
    expect(signed).toSatisfyApiSpec();
    expect(signed.body).toMatchObject({ status: 'signed', company: null, callerPhone: null });
    expect(reveals(JSON.stringify([detail.body, listed, signed.body]))).toEqual([]);

    // The street's own system, signed in as the street (kafkajs) and through its certificate (kcat).
    const [order] = await leadInbox.waitFor((m) => m.json().data.caseId === c.id);
    expect(order.json()).toMatchObject({ type: 'cn.gov.12345.dispatch.order_issued.v1', data: { unitCode: LEAD } });
    expect(order.json().data).not.toHaveProperty('company');
    expect(order.json().data).not.toHaveProperty('caller');
    const line = await eventually(async () => {
      const out = kcat(unitPrincipal(LEAD), [
        '-C',
        '-t',
        testTopic(unitInboxTopic(LEAD)),
        '-o',
        'beginning',
        '-e',
        '-q',
      ]);
      return out.stdout.split('\n').find((l) => l.includes(c.id));
    });
    expect(reveals(`${order.value}\n${line}`)).toEqual([]);
    // Nor on the shared topics: the centre's record of orders, and the case events.
    const [registered] = await shared.waitFor(
      (m) => m.topic === TOPICS.cases && m.json().type.endsWith('registered.v1') && m.key === c.id,
    );
    expect(registered.json().data).toMatchObject({ requesterKind: 'enterprise', sensitive: true });
    await shared.waitFor((m) => m.topic === TOPICS.dispatch && m.json().data.caseId === c.id);
    await shared.waitFor((m) => m.topic === TOPICS.cases && m.key === c.id, 3); // registered, dispatched, signed
    const onShared = shared.messages.filter((m) => m.json().subject === c.id).map((m) => m.value ?? '');
    expect(onShared.length).toBeGreaterThanOrEqual(4); // and the order on hotline.dispatch.v1
    expect(reveals(onShared.join('\n'))).toEqual([]);

    // The centre sees who it is.
    const centre = (await supervisor.get(`/cases/${c.id}`).expect(200)).body;
    expect(centre).toMatchObject({ company: COMPANY, callerPhone: c.callerPhone, callerName: '王女士' });
  });

  it('shows a company that is not sensitive to the lead and the co-handler, on their inbox too', async () => {
    const c = (await agent.post('/cases', enterpriseCase()).expect(201)).body;
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: LEAD, coUnitCodes: [CO] }).expect(201);
    expect((await lead.get(`/cases/${c.id}`).expect(200)).body).toMatchObject({
      company: COMPANY,
      callerPhone: c.callerPhone,
    });
    const seenByCo = await co.get(`/cases/${c.id}`).expect(200);
    expect(seenByCo).toSatisfyApiSpec();
    expect(seenByCo.body).toMatchObject({
      company: COMPANY,
      callerPhone: `${c.callerPhone.slice(0, 3)}****${c.callerPhone.slice(-4)}`,
    });
    const [order] = await leadInbox.waitFor((m) => m.json().data.caseId === c.id);
    expect(order.json().data).toMatchObject({ company: COMPANY, caller: { phone: c.callerPhone } });
    const [record] = await shared.waitFor(
      (m) => m.topic === TOPICS.dispatch && m.json().data.caseId === c.id && m.key === LEAD,
    );
    expect(record.json().data).not.toHaveProperty('company');
    expect(record.value).not.toContain(COMPANY.creditCode);
  });

  it('counts the enterprise’s demands as enterprise in the five rates grouped and filtered by requester kind', async () => {
    // Two enterprise cases were dispatched on time (one sensitive), one answered on the call (no dispatch needed).
    const enterprise = (rows: Row[]) => rows.find((r) => r.groupKey === 'enterprise');
    const count = (row: Row | undefined, metric: string) =>
      row?.[metric] ?? { numerator: 0, denominator: 0, pending: 0 };
    const before = enterprise(kindsBefore);
    const after = await eventually(async () => {
      const row = enterprise(await byKind());
      return count(row, 'onTimeDispatch').numerator - count(before, 'onTimeDispatch').numerator >= 2 ? row : undefined;
    });
    expect(after.groupName).toBe('企业');
    for (const metric of ['onTimeDispatch', 'dispatchAccuracy']) {
      expect(count(after, metric).numerator - count(before, metric).numerator).toBe(2);
      expect(count(after, metric).denominator - count(before, metric).denominator).toBe(2);
    }
    const grouped = await supervisor.get(`/kpi/five-rates?${period}&groupBy=requesterKind`).expect(200);
    expect(grouped).toSatisfyApiSpec();
    expect((grouped.body.items as Row[]).every((r) => ['citizen', 'enterprise'].includes(r.groupKey))).toBe(true);

    // Filtered to enterprises, the lead street's row holds exactly what this file's enterprise cases made it.
    const streetRow = async (query: string) =>
      ((await supervisor.get(`/kpi/five-rates?${period}&groupBy=street${query}`).expect(200)).body.items as Row[]).find(
        (r) => r.groupKey === LEAD,
      );
    const onlyEnterprises = await streetRow('&requesterKind=enterprise');
    const everyone = await streetRow('');
    const citizensOnly = await streetRow('&requesterKind=citizen');
    expect(count(onlyEnterprises, 'dispatchAccuracy').denominator).toBeGreaterThanOrEqual(2);
    expect(count(everyone, 'dispatchAccuracy').denominator).toBe(
      count(onlyEnterprises, 'dispatchAccuracy').denominator + count(citizensOnly, 'dispatchAccuracy').denominator,
    );
    const three = await supervisor
      .get(`/kpi/three-rates?${period}&groupBy=requesterKind&requesterKind=enterprise`)
      .expect(200);
    expect(three).toSatisfyApiSpec();
    expect((three.body.items as Row[]).map((r) => r.groupKey)).toEqual(['enterprise']);
    await supervisor.get(`/kpi/five-rates?${period}&requesterKind=business`).expect(400);
  });
});
