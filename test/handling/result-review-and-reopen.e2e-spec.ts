import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import { UNIT_NOTICE_TYPE } from '@hotline/cases';
import { MINUTE_MS } from '@hotline/clock';
import { DISPATCH_EVENT_TYPES } from '@hotline/dispatch';
import { unitInboxTopic } from '@hotline/messaging';
import { ClocksJob } from '../../apps/worker/src/clocks/clocks.job';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { connectUnitSystems, unitPrincipal } from '../support/kafka-principals';
import { eventually, KafkaProbe, ProbedMessage } from '../support/kafka-probe';
import { testClock } from '../support/test-clock';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
interface CaseBody {
  id: string;
  status: string;
  leadUnitCode: string | null;
  deadlines: Record<string, string | null>;
  result: {
    outcome: string | null;
    reply: string | null;
    submittedAt: string | null;
    resolvedAt: string | null;
  } | null;
  timeline: { type: string; data: Record<string, unknown> }[];
}
interface Envelope {
  type: string;
  subject: string;
  data: { caseId: string; kind?: string; detail?: Record<string, unknown>; role?: string };
}

const STREET = '110105001';
/** 违规装修: no other test files cases under it, so its review policy and rule touch nothing else. */
const REVIEWED_CATEGORY = '020204';

/**
 * The centre's review of a unit's result (docs/product.md, "Centre review and reopened cases"): where the
 * case's SLA policy says so, the lead's result waits in `reviewing`; sent back, it returns to the lead with
 * the reason (the lead's own system hears it on Kafka); approved, it resolves as of its submission. A
 * case reopened after its callback goes back to the same unit when its dispatch rule says so.
 */
describe('centre review of results and re-dispatch of reopened cases (real api + worker, PostgreSQL, Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let supervisor: Client;
  let admin: Client;
  let street: Client;
  let originalPolicy: Record<string, unknown>[];
  const inbox = new KafkaProbe([unitInboxTopic(STREET)], unitPrincipal(STREET));

  const detail = async (id: string) => (await supervisor.get(`/cases/${id}`).expect(200)).body as CaseBody;
  const signed = async () => {
    const c = (await agent.post('/cases', caseBody({ categoryCode: REVIEWED_CATEGORY })).expect(201)).body as CaseBody;
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    await eventually(async () => ((await street.get(`/cases/${c.id}`)).status === 200 ? true : undefined));
    await street.post(`/cases/${c.id}/sign`).expect(201);
    return c;
  };
  const submit = async (id: string, reply: string) =>
    (await street.post(`/cases/${id}/resolve`, { outcome: 'solved', reply }).expect(201)).body as CaseBody;
  const noticeOf = async (caseId: string, kind: string, count = 1) =>
    (await inbox.waitFor((m) => isNotice(m, caseId, kind), count)).map((m) => m.json<Envelope>().data);

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    connectUnitSystems(STREET);
    await inbox.start();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    admin = as(http, await tokenFor(http, 'admin'));
    street = as(http, await tokenFor(http, 'handler', STREET));

    // The general urgency's limits, narrowed to the category with review on.
    originalPolicy = (await admin.get('/sla-policy').expect(200)).body.items as Record<string, unknown>[];
    const strip = ({ id: _id, createdAt: _c, updatedAt: _u, ...row }: Record<string, unknown>) => row;
    const general = originalPolicy.find((p) => p.urgency === 'general' && !p.categoryCode)!;
    const reviewed = { ...strip(general), categoryCode: REVIEWED_CATEGORY, reviewResult: true };
    await admin.put('/sla-policy', { items: [...originalPolicy.map(strip), reviewed] }).expect(200);
    await admin
      .post('/dispatch-rules', {
        priority: 1,
        name: `违规装修回原单位 ${randomUUID().slice(0, 8)}`,
        categoryCode: REVIEWED_CATEGORY,
        target: 'street_of_location',
        redispatchOnReopen: true,
      })
      .expect(201);
    worker = await startWorker();
  });
  afterAll(async () => {
    await admin
      ?.put('/sla-policy', {
        items: originalPolicy.map(({ id: _id, createdAt: _c, updatedAt: _u, ...row }) => row),
      })
      .expect(200);
    await worker?.close();
    await api?.close();
    await inbox.stop();
  });

  it('holds the result for review, sends it back with the reason, and resolves the approved one as of its submission', async () => {
    const c = await signed();
    const held = await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已口头劝阻' }).expect(201);
    expect(held).toSatisfyApiSpec();
    expect(held.body).toMatchObject({
      status: 'reviewing',
      result: { outcome: 'solved', reply: '已口头劝阻', resolvedAt: null },
      deadlines: { callback: null },
    });
    expect(held.body.result.submittedAt).toEqual(expect.any(String));
    const again = await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '再报' }).expect(409);
    expect(again.body.reason).toBe('result.under_review');
    const queue = (await supervisor.get('/cases?status=reviewing&limit=100').expect(200)).body.items as CaseBody[];
    expect(queue.map((q) => q.id)).toContain(c.id);

    // Only the centre reviews; a rejection must say why.
    await street.post(`/cases/${c.id}/result-review`, { approve: true }).expect(403);
    const reasonless = await supervisor.post(`/cases/${c.id}/result-review`, { approve: false }).expect(400);
    expect(reasonless.body.errors).toEqual(
      expect.arrayContaining([{ field: 'reason', message: 'is required to send a result back', reason: 'isDefined' }]),
    );
    expect(new Set(reasonless.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['reason']));
    await supervisor.post(`/cases/${c.id}/result-review`, { approve: false, reason: '  ' }).expect(400);

    const rejected = await supervisor
      .post(`/cases/${c.id}/result-review`, { approve: false, reason: '未说明整改结果，请补充现场情况' })
      .expect(201);
    expect(rejected).toSatisfyApiSpec();
    expect(rejected.body).toMatchObject({ status: 'signed', result: null });
    // The street's own system hears why, on its own inbox topic.
    const [notice] = await noticeOf(c.id, 'result_reviewed');
    expect(notice).toMatchObject({
      role: 'lead',
      detail: { approved: false, reason: '未说明整改结果，请补充现场情况' },
    });

    const resubmitted = await submit(c.id, '已责令恢复原状，现场已复查');
    expect(resubmitted.status).toBe('reviewing');
    const approved = (await supervisor.post(`/cases/${c.id}/result-review`, { approve: true }).expect(201))
      .body as CaseBody;
    expect(approved).toMatchObject({
      status: 'resolved',
      result: { reply: '已责令恢复原状，现场已复查', submittedAt: null, resolvedAt: resubmitted.result!.submittedAt },
    });
    expect(approved.deadlines.callback).toEqual(expect.any(String));
    await supervisor.post(`/cases/${c.id}/result-review`, { approve: true }).expect(409);
    const { timeline } = await detail(c.id);
    expect(timeline.map((e) => e.type).filter((t) => t.startsWith('result_') || t === 'resolved')).toEqual([
      'result_submitted',
      'result_reviewed',
      'result_submitted',
      'result_reviewed',
      'resolved',
    ]);
    expect(timeline.find((e) => e.type === 'resolved')!.data).toMatchObject({
      late: false,
      resolvedAt: resubmitted.result!.submittedAt,
    });
    // Only now does the case enter the callback queue, and the unit's order complete.
    const due = (await agent.get('/callbacks/due?limit=1000').expect(200)).body.items as { id: string }[];
    expect(due.map((d) => d.id)).toContain(c.id);
    await inbox.waitFor((m) => isOf(m, c.id, DISPATCH_EVENT_TYPES.orderCompleted));
  });

  it('sends a case reopened after its callback back to the unit that handled it, as its rule says', async () => {
    const c = await signed();
    await submit(c.id, '已处理');
    await supervisor.post(`/cases/${c.id}/result-review`, { approve: true, reason: '处理到位' }).expect(201);
    const reopened = await agent
      .post(`/cases/${c.id}/callback`, {
        reached: true,
        solved: false,
        satisfaction: 'unsatisfied',
        note: '又开始施工',
      })
      .expect(201);
    expect(reopened.body.status).toBe('reopened');

    const redispatched = await eventually(async () => {
      const found = await detail(c.id);
      return found.status === 'dispatched' ? found : undefined;
    });
    expect(redispatched.leadUnitCode).toBe(STREET);
    const dispatches = redispatched.timeline.filter((e) => e.type === 'dispatched');
    expect(dispatches).toHaveLength(2);
    expect(dispatches[1].data).toMatchObject({ dispatchNo: 2, leadUnitCode: STREET });
    expect(String(dispatches[1].data.reason)).toContain('reopened after the callback');
    // The street's system gets the second order on its own topic.
    await inbox.waitFor((m) => isOf(m, c.id, DISPATCH_EVENT_TYPES.orderIssued), 2);
  });

  // Last: it moves the clock.
  it('counts a result sent back and given again after the deadline as resolved late', async () => {
    const c = await signed();
    const first = await submit(c.id, '已处理');
    const resolveDue = new Date(first.deadlines.resolve!).getTime();
    await supervisor.post(`/cases/${c.id}/result-review`, { approve: false, reason: '情况不属实' }).expect(201);
    testClock.advance(resolveDue - testClock.now().getTime() + MINUTE_MS);
    await worker.get(ClocksJob).tick();
    const breached = await eventually(async () => {
      const found = (await detail(c.id)).timeline.find((e) => e.type === 'sla_breached' && e.data.kind === 'resolve');
      return found;
    });
    expect(breached).toBeDefined();

    await submit(c.id, '已重新核实处理');
    await supervisor.post(`/cases/${c.id}/result-review`, { approve: true }).expect(201);
    const { timeline } = await detail(c.id);
    expect(timeline.filter((e) => e.type === 'result_submitted').map((e) => e.data.late)).toEqual([false, true]);
    expect(timeline.find((e) => e.type === 'resolved')!.data.late).toBe(true);
  });
});

function isOf(m: ProbedMessage, caseId: string, type: string): boolean {
  const event = m.json<Envelope | null>();
  return event?.type === type && (event.subject === caseId || event.data?.caseId === caseId);
}

function isNotice(m: ProbedMessage, caseId: string, kind: string): boolean {
  return isOf(m, caseId, UNIT_NOTICE_TYPE) && m.json<Envelope>().data.kind === kind;
}
