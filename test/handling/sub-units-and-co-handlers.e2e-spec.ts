import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { CloudEvent } from 'cloudevents';
import jestOpenAPI from 'jest-openapi';
import { UNIT_NOTICE_TYPE } from '@hotline/cases';
import { HOUR_MS, MINUTE_MS } from '@hotline/clock';
import { DISPATCH_EVENT_TYPES } from '@hotline/dispatch';
import { unitInboxTopic } from '@hotline/messaging';
import { ClocksJob } from '../../apps/worker/src/clocks/clocks.job';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { connectUnitSystems, kcat, unitPrincipal } from '../support/kafka-principals';
import { eventually, KafkaProbe, ProbedMessage } from '../support/kafka-probe';
import { testClock } from '../support/test-clock';
import { testTopic } from '../support/test-topics';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
interface Envelope<T> {
  type: string;
  subject: string;
  data: T;
}
interface OrderData {
  orderId: string;
  role: string;
  deadlines: Record<string, string>;
  respondedAt?: string | null;
  caller?: { name?: string | null; phone?: string };
}
interface NoticeData {
  kind: string;
  role: string | null;
  deadlines: Record<string, string | null>;
  detail: Record<string, unknown>;
}
interface InboxItem {
  caseId: string;
  role: string | null;
  stage: string;
  dueAt: string | null;
  deadlines: Record<string, string | null>;
  alert: string | null;
  supervisionLevel: string | null;
}

const STREET = '110105001';
/** Two communities under 建外街道, one under 朝外街道 (seeded). */
const COMMUNITY = '110105001002';
const NEIGHBOUR = '110105001003';
const OTHER_STREETS_COMMUNITY = '110105002001';
const DEPT = 'DEPT-WATER';

/**
 * Sub-units and added units (docs/product.md, "Sub-units and added units"): a street forwards a case to a
 * community under it (转派), which works it to the street's deadlines; the centre adds a co-handler after
 * dispatch (加派) with its own report deadline, whose clock warns and breaches like the lead's.
 */
describe('sub-units and added co-handlers (real api + worker, PostgreSQL, Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let dept: Client;
  const inboxes = {
    [COMMUNITY]: new KafkaProbe([unitInboxTopic(COMMUNITY)], unitPrincipal(COMMUNITY)),
    [NEIGHBOUR]: new KafkaProbe([unitInboxTopic(NEIGHBOUR)], unitPrincipal(NEIGHBOUR)),
    [DEPT]: new KafkaProbe([unitInboxTopic(DEPT)], unitPrincipal(DEPT)),
  };

  const handler = async (unitCode: string) => as(http, await tokenFor(http, 'handler', unitCode));
  const dispatched = async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    return c;
  };
  const signed = async () => {
    const c = await dispatched();
    await eventually(async () => ((await street.get(`/cases/${c.id}`)).status === 200 ? true : undefined));
    await street.post(`/cases/${c.id}/sign`).expect(201);
    return c;
  };
  const openItems = async (client: Client, unitCode: string) =>
    ((await client.get(`/units/${unitCode}/inbox?limit=1000`).expect(200)).body as { items: InboxItem[] }).items;
  const itemOf = (client: Client, unitCode: string, caseId: string, ready: (i: InboxItem) => boolean = () => true) =>
    eventually(async () => (await openItems(client, unitCode)).find((i) => i.caseId === caseId && ready(i)));
  const messagesOf = async <T>(unitCode: keyof typeof inboxes, caseId: string, type: string, count = 1) =>
    (await inboxes[unitCode].waitFor((m) => isOf(m, caseId, type), count)).map((m) => m.json<Envelope<T>>());
  const noticesOf = async (unitCode: keyof typeof inboxes, caseId: string, kind: string) =>
    (await inboxes[unitCode].waitFor((m) => isOf(m, caseId, UNIT_NOTICE_TYPE, kind))).map(
      (m) => m.json<Envelope<NoticeData>>().data,
    );

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    connectUnitSystems(COMMUNITY, NEIGHBOUR, DEPT);
    await Promise.all(Object.values(inboxes).map((probe) => probe.start()));
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    street = await handler(STREET);
    community = await handler(COMMUNITY);
    dept = await handler(DEPT);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await Promise.all(Object.values(inboxes).map((probe) => probe.stop()));
  });

  it('lets the street forward a signed case to its community, which works and resolves it to the street’s deadlines', async () => {
    const c = await signed();
    const res = await street
      .post(`/cases/${c.id}/forward`, { unitCode: COMMUNITY, note: '请建国里社区上门核实' })
      .expect(201);
    expect(res).toSatisfyApiSpec();
    expect(res.body).toMatchObject({ leadUnitCode: STREET, forwardedToUnitCode: COMMUNITY, status: 'signed' });

    // The community's own system gets an order of its own, signed for by the street, with the caller to contact.
    const [order] = await messagesOf<OrderData>(COMMUNITY, c.id, DISPATCH_EVENT_TYPES.orderIssued);
    expect(order.data).toMatchObject({ role: 'sub', respondedAt: null, caller: { name: '王女士' } });
    expect(order.data.caller?.phone).toMatch(/^1\d{10}$/);
    expect(order.data.deadlines).toEqual({
      sign: res.body.deadlines.sign,
      response: res.body.deadlines.response,
      resolve: res.body.deadlines.resolve,
    });
    // Read as the community's own system would, with Debian's kcat and its credentials: a valid CloudEvent.
    const read = kcat(unitPrincipal(COMMUNITY), [
      '-C',
      '-t',
      testTopic(unitInboxTopic(COMMUNITY)),
      '-o',
      'beginning',
      '-e',
      '-q',
      '-f',
      '%k\t%s\n',
    ]);
    expect(read.status).toBe(0);
    const line = read.stdout
      .split('\n')
      .find((l) => l.startsWith(`${c.id}\t`) && l.includes(DISPATCH_EVENT_TYPES.orderIssued));
    const event = new CloudEvent(JSON.parse(line!.slice(c.id.length + 1)));
    expect(event.validate()).toBe(true);
    expect(event.data).toMatchObject({ orderId: order.data.orderId, role: 'sub', unitCode: COMMUNITY });
    const item = await itemOf(community, COMMUNITY, c.id);
    expect(item).toMatchObject({ role: 'sub', stage: 'to_respond', dueAt: res.body.deadlines.response });
    await community.get(`/cases/${c.id}`).expect(200);
    await community.post(`/cases/${c.id}/sign`).expect(409); // it came signed

    // The community responds and resolves for the street; the street's item moves with it.
    await community.post(`/cases/${c.id}/respond`, { note: '社区网格员已联系市民' }).expect(201);
    await itemOf(street, STREET, c.id, (i) => i.stage === 'handling');
    await itemOf(community, COMMUNITY, c.id, (i) => i.stage === 'handling' && i.dueAt === res.body.deadlines.resolve);
    const resolved = await community
      .post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已清理占道摊点' })
      .expect(201);
    expect(resolved.body.status).toBe('resolved');
    await messagesOf(COMMUNITY, c.id, DISPATCH_EVENT_TYPES.orderCompleted);
    const { timeline } = (await supervisor.get(`/cases/${c.id}`).expect(200)).body as {
      timeline: { type: string; actor: { unitCode: string | null }; data: Record<string, unknown> }[];
    };
    const forwarded = timeline.find((e) => e.type === 'forwarded')!;
    expect(forwarded.data).toMatchObject({ unitCode: COMMUNITY, fromUnitCode: STREET, note: '请建国里社区上门核实' });
    expect(timeline.find((e) => e.type === 'resolved')!.actor.unitCode).toBe(COMMUNITY);
  });

  it('forwards again by cancelling the earlier forward, and refuses what is not the signed street’s to forward', async () => {
    const waiting = await dispatched();
    await eventually(async () => ((await street.get(`/cases/${waiting.id}`)).status === 200 ? true : undefined));
    const early = await street.post(`/cases/${waiting.id}/forward`, { unitCode: COMMUNITY, note: '转派' }).expect(409);
    expect(early.body.reason).toBe('case.not_signed');

    const c = await signed();
    for (const [unitCode, reason] of [
      [OTHER_STREETS_COMMUNITY, 'not_sub_unit'],
      [DEPT, 'not_sub_unit'],
      ['110105001999', 'not_active'],
    ]) {
      const res = await street.post(`/cases/${c.id}/forward`, { unitCode, note: '转派' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'unitCode', reason })]);
    }
    await street.post(`/cases/${c.id}/forward`, { note: '转派' }).expect(400);
    await agent.post(`/cases/${c.id}/forward`, { unitCode: COMMUNITY, note: '转派' }).expect(403);

    await street.post(`/cases/${c.id}/forward`, { unitCode: COMMUNITY, note: '转派' }).expect(201);
    const refused = await community.post(`/cases/${c.id}/forward`, { unitCode: NEIGHBOUR, note: '再转' }).expect(403);
    expect(refused.body.reason).toBe('order.lead_only');
    const again = await street.post(`/cases/${c.id}/forward`, { unitCode: NEIGHBOUR, note: '改由光华里' }).expect(201);
    expect(again.body.forwardedToUnitCode).toBe(NEIGHBOUR);
    await messagesOf(COMMUNITY, c.id, DISPATCH_EVENT_TYPES.orderCancelled);
    await messagesOf(NEIGHBOUR, c.id, DISPATCH_EVENT_TYPES.orderIssued);
    await eventually(async () =>
      (await openItems(community, COMMUNITY)).some((i) => i.caseId === c.id) ? undefined : true,
    );
    // The earlier community still sees the case it worked on (as a co-handler sees a finished case), but may not act.
    await community.post(`/cases/${c.id}/respond`, { note: 'x' }).expect(403);
  });

  it('adds a co-handler after dispatch with its own report deadline, and refuses a unit already on the case', async () => {
    const c = await dispatched();
    const body = (await supervisor.get(`/cases/${c.id}`).expect(200)).body as { deadlines: { resolve: string } };
    const tooLate = new Date(new Date(body.deadlines.resolve).getTime() + HOUR_MS).toISOString();
    const late = await supervisor
      .post(`/cases/${c.id}/co-handlers`, { unitCode: DEPT, reportDueAt: tooLate, note: '协助' })
      .expect(400);
    expect(late.body.errors).toEqual([
      expect.objectContaining({ field: 'reportDueAt', reason: 'after_resolve_deadline' }),
    ]);

    const added = await supervisor
      .post(`/cases/${c.id}/co-handlers`, { unitCode: DEPT, note: '需查明管线归属' })
      .expect(201);
    expect(added).toSatisfyApiSpec();
    expect(added.body.coUnitCodes).toEqual([DEPT]);
    const reportDueAt = added.body.coReportDue[DEPT] as string;
    // By default 80% of the way from now to the lead's resolve deadline.
    const now = testClock.now().getTime();
    const resolveAt = new Date(body.deadlines.resolve).getTime();
    expect(Math.abs(new Date(reportDueAt).getTime() - (now + 0.8 * (resolveAt - now)))).toBeLessThan(MINUTE_MS);

    const [order] = await messagesOf<OrderData>(DEPT, c.id, DISPATCH_EVENT_TYPES.orderIssued);
    expect(order.data).toMatchObject({ role: 'co', deadlines: { report: reportDueAt } });
    expect(order.data.caller?.name).toBeNull(); // a co-handler gets a masked number only
    await dept.post(`/cases/${c.id}/sign`).expect(201);
    const working = await itemOf(dept, DEPT, c.id, (i) => i.stage === 'handling');
    expect(working.dueAt).toBe(reportDueAt);
    await dept.post(`/cases/${c.id}/co-reports`, { note: '管线属自来水集团' }).expect(201);
    await itemOf(dept, DEPT, c.id, (i) => i.stage === 'reported' && i.dueAt === null);

    for (const [unitCode, reason] of [
      [DEPT, 'duplicate'],
      [STREET, 'repeats_lead'],
      ['DEPT-NOPE', 'not_active'],
    ]) {
      const res = await supervisor.post(`/cases/${c.id}/co-handlers`, { unitCode, note: '协助' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'unitCode', reason })]);
    }
    await street.post(`/cases/${c.id}/co-handlers`, { unitCode: 'DEPT-HOUSING', note: '协助' }).expect(403);
    const registered = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    const notYet = await supervisor
      .post(`/cases/${registered.id}/co-handlers`, { unitCode: DEPT, note: '协助' })
      .expect(409);
    expect(notYet.body.reason).toBe('case.wrong_state');
  });

  // Last: moving the clock dates later cases in the future for every other test of this file.
  it('warns and breaches a co-handler on its own clock, with a supervision order to it; the community hears the street’s clocks', async () => {
    const c = await signed();
    await street.post(`/cases/${c.id}/forward`, { unitCode: COMMUNITY, note: '转派' }).expect(201);
    const reportDueAt = new Date(testClock.now().getTime() + 2 * HOUR_MS).toISOString();
    await supervisor.post(`/cases/${c.id}/co-handlers`, { unitCode: DEPT, reportDueAt, note: '协助' }).expect(201);
    await dept.post(`/cases/${c.id}/sign`).expect(201);
    await itemOf(dept, DEPT, c.id, (i) => i.stage === 'handling' && i.dueAt === reportDueAt);

    testClock.advance(1.6 * HOUR_MS); // past 75% of its two hours
    await worker.get(ClocksJob).tick();
    const [warning] = await noticesOf(DEPT, c.id, 'sla_warning');
    expect(warning).toMatchObject({ role: 'co', detail: { kind: 'report', unitCode: DEPT } });
    expect(warning.deadlines.report).toBe(reportDueAt);
    await itemOf(dept, DEPT, c.id, (i) => i.alert === 'warning');

    testClock.advance(0.4 * HOUR_MS + MINUTE_MS);
    await worker.get(ClocksJob).tick();
    await noticesOf(DEPT, c.id, 'sla_breached');
    await itemOf(dept, DEPT, c.id, (i) => i.alert === 'breach');
    const [order] = await noticesOf(DEPT, c.id, 'supervision_issued');
    expect(order.detail).toMatchObject({ unitCode: DEPT, level: 'urge' });
    await itemOf(dept, DEPT, c.id, (i) => i.supervisionLevel === 'urge');
    const orders = (await dept.get(`/supervisions?caseId=${c.id}`).expect(200)).body as {
      items: { unitCode: string }[];
    };
    expect(orders.items.map((o) => o.unitCode)).toEqual([DEPT]);

    // The street's response clock is the community's to keep: it hears the warning too.
    testClock.advance(17 * HOUR_MS);
    await worker.get(ClocksJob).tick();
    const [streetWarning] = await noticesOf(COMMUNITY, c.id, 'sla_warning');
    expect(streetWarning).toMatchObject({ role: 'sub', detail: { kind: 'response', unitCode: STREET } });
    await itemOf(community, COMMUNITY, c.id, (i) => i.alert === 'warning' && i.stage === 'to_respond');
  });
});

function isOf(m: ProbedMessage, caseId: string, type: string, kind?: string): boolean {
  const event = m.json<{ type?: string; subject?: string; data?: { caseId?: string; kind?: string } } | null>();
  const aboutCase = event?.subject === caseId || event?.data?.caseId === caseId;
  return event?.type === type && aboutCase && (kind === undefined || event.data?.kind === kind);
}
