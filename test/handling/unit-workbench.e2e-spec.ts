import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { CloudEvent } from 'cloudevents';
import jestOpenAPI from 'jest-openapi';
import { UNIT_NOTICE_TYPE } from '@hotline/cases';
import { HOUR_MS, MINUTE_MS } from '@hotline/clock';
import { TOPICS, unitInboxTopic } from '@hotline/messaging';
import { ClocksJob } from '../../apps/worker/src/clocks/clocks.job';
import { Http, startApi, startWorker } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { connectUnitSystems, kcat, unitPrincipal } from '../support/kafka-principals';
import { eventually, KafkaProbe, ProbedMessage } from '../support/kafka-probe';
import { testClock } from '../support/test-clock';
import { testTopic } from '../support/test-topics';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
interface NoticeEvent {
  key: string;
  data: {
    kind: string;
    role: string | null;
    deadlines: Record<string, string | null>;
    detail: Record<string, unknown>;
    occurredAt: string;
  };
}
interface InboxItem {
  caseId: string;
  stage: string;
  dueAt: string | null;
  deadlines: Record<string, string | null>;
  alert: string | null;
  supervisionLevel: string | null;
  assigneeUserId: string | null;
  lastNotice: string | null;
  lastNoticeAt: string | null;
}

const STREET = '110105001';
const OTHER = '110108001';
const PASSWORD = 'test-passphrase-1';

/**
 * The units' workbench (docs/api.md, "Units' inboxes"; docs/events.md, "Unit notices"): what concerns a
 * unit reaches its own Kafka channel and its work list, which a handler filters, counts and assigns.
 */
describe('units’ workbench: unit notices, the work list, assignment (real api + worker, PostgreSQL, Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let supervisor: Client;
  let street: Client;
  let streetUserId: string;
  let colleagueId: string;
  let colleague: Client;
  let otherUnitUserId: string;
  const streetInbox = new KafkaProbe([unitInboxTopic(STREET)], unitPrincipal(STREET));
  const otherInbox = new KafkaProbe([unitInboxTopic(OTHER)], unitPrincipal(OTHER));
  const shared = new KafkaProbe([TOPICS.dispatch]);

  /** A handler created through the api: its id (for assignment) and a client signed in as it. */
  const handler = async (unitCode: string) => {
    const username = `handler-${Math.random().toString(36).slice(2, 10)}`;
    const created = await as(http, await adminToken(http))
      .post('/users', { username, password: PASSWORD, role: 'handler', unitCode })
      .expect(201);
    const token = (await http().post('/api/v1/auth/token').send({ username, password: PASSWORD }).expect(200)).body
      .accessToken as string;
    return { id: created.body.id as string, client: as(http, token) };
  };
  const dispatched = async (overrides: Record<string, unknown> = {}) => {
    const c = (await agent.post('/cases', caseBody(overrides)).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    await itemOf(c.id);
    return c;
  };
  const inbox = async (query = '') =>
    (await street.get(`/units/${STREET}/inbox?limit=1000${query}`).expect(200)).body as {
      items: InboxItem[];
      total: number;
      counts: { byStage: Record<string, number>; byDue: Record<string, number>; dueSoonHours: number };
    };
  /** The case's item once the projector has applied what `ready` waits for. */
  const itemOf = (caseId: string, ready: (i: InboxItem) => boolean = () => true) =>
    eventually(async () => (await inbox()).items.find((i) => i.caseId === caseId && ready(i)));
  const noticesOf = (probe: KafkaProbe, caseId: string, kind: string) =>
    probe.waitFor((m) => isNotice(m, caseId, kind));

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    connectUnitSystems(STREET, OTHER);
    await Promise.all([streetInbox.start(), otherInbox.start(), shared.start()]);
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    ({ id: streetUserId, client: street } = await handler(STREET));
    ({ id: colleagueId, client: colleague } = await handler(STREET));
    ({ id: otherUnitUserId } = await handler(OTHER));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await Promise.all([streetInbox.stop(), otherInbox.stop(), shared.stop()]);
  });

  it('tells the unit of its own steps, an extension and a supervision order, and keeps the inbox deadlines current', async () => {
    const c = await dispatched();
    const issued = await itemOf(c.id);
    expect(issued).toMatchObject({ stage: 'to_sign', dueAt: issued.deadlines.sign, alert: null });

    await street.post(`/cases/${c.id}/sign`).expect(201);
    const [signed] = await noticesOf(streetInbox, c.id, 'signed');
    expect(signed.key).toBe(c.id);
    expect((await itemOf(c.id, (i) => i.stage === 'to_respond')).dueAt).toBe(issued.deadlines.response);

    await street.post(`/cases/${c.id}/respond`, { note: '已电话联系市民' }).expect(201);
    expect((await itemOf(c.id, (i) => i.stage === 'handling')).dueAt).toBe(issued.deadlines.resolve);

    const extension = (await street.post(`/cases/${c.id}/extensions`, { hours: 48, reason: '需协调物业' }).expect(201))
      .body;
    await supervisor.post(`/cases/${c.id}/extensions/${extension.id}/review`, { approve: true }).expect(201);
    const [changed] = await noticesOf(streetInbox, c.id, 'deadline_changed');
    const extended = changed.json<NoticeEvent>().data.deadlines.resolve!;
    expect(new Date(extended).getTime()).toBeGreaterThan(new Date(issued.deadlines.resolve!).getTime());
    await noticesOf(streetInbox, c.id, 'extension_reviewed');
    const current = await itemOf(c.id, (i) => i.deadlines.resolve === extended);
    expect(current.dueAt).toBe(extended);

    const order = (
      await supervisor.post(`/cases/${c.id}/supervisions`, { level: 'urge', note: '请加快办理' }).expect(201)
    ).body;
    const [supervised] = await noticesOf(streetInbox, c.id, 'supervision_issued');
    expect(supervised.json<NoticeEvent>().data.detail).toMatchObject({ supervisionId: order.id, level: 'urge' });
    expect((await itemOf(c.id, (i) => i.supervisionLevel === 'urge')).lastNotice).toBe('supervision_issued');
    await supervisor.post(`/supervisions/${order.id}/close`).expect(201);
    await itemOf(c.id, (i) => i.lastNotice === 'supervision_closed' && i.supervisionLevel === null);

    // The centre's shared record has the same notices, keyed by the unit; no other unit hears them.
    const [onShared] = await noticesOf(shared, c.id, 'supervision_issued');
    expect(onShared.key).toBe(STREET);
    expect(otherInbox.messages.filter((m) => m.json<{ subject?: string } | null>()?.subject === c.id)).toEqual([]);
  });

  it('reaches the unit’s own system as valid CloudEvents, read with kcat as the unit', async () => {
    const c = await dispatched();
    await street.post(`/cases/${c.id}/sign`).expect(201);
    await noticesOf(streetInbox, c.id, 'signed');
    const read = kcat(unitPrincipal(STREET), [
      '-C',
      '-t',
      testTopic(unitInboxTopic(STREET)),
      '-o',
      'beginning',
      '-e',
      '-q',
      '-f',
      '%k\t%s\n',
    ]);
    expect(read.status).toBe(0);
    const line = read.stdout.split('\n').find((l) => l.startsWith(`${c.id}\t`) && l.includes(UNIT_NOTICE_TYPE));
    expect(line).toBeDefined();
    const event = new CloudEvent(JSON.parse(line!.slice(c.id.length + 1)));
    expect(event.validate()).toBe(true);
    expect(event.data).toMatchObject({ kind: 'signed', unitCode: STREET, role: 'lead', status: 'signed' });
    expect(JSON.stringify(event.data)).not.toMatch(/1[3-9]\d{9}/);
    // Another unit cannot read this unit's notices.
    const intrusion = kcat(unitPrincipal(OTHER), [
      '-C',
      '-t',
      testTopic(unitInboxTopic(STREET)),
      '-o',
      'beginning',
      '-e',
    ]);
    expect(intrusion.stdout).not.toContain(c.id);
  });

  it('tells the lead of a refused return and of a case the callback reopened', async () => {
    const c = await dispatched();
    const asked = (await street.post(`/cases/${c.id}/return`, { reason: '该地址属于相邻街道辖区' }).expect(201)).body;
    await supervisor
      .post(`/cases/${c.id}/returns/${asked.id}/review`, { approve: false, note: '属本辖区' })
      .expect(201);
    const [refused] = await noticesOf(streetInbox, c.id, 'return_reviewed');
    expect(refused.json<NoticeEvent>().data).toMatchObject({ role: 'lead', detail: { approved: false } });

    await street.post(`/cases/${c.id}/sign`).expect(201);
    await street.post(`/cases/${c.id}/respond`, { note: '已联系市民' }).expect(201);
    await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已处理' }).expect(201);
    await agent
      .post(`/cases/${c.id}/callback`, { reached: true, solved: false, satisfaction: 'unsatisfied' })
      .expect(201);
    const [reopened] = await noticesOf(streetInbox, c.id, 'reopened');
    expect(reopened.json<NoticeEvent>().data).toMatchObject({ role: 'lead', detail: { reason: 'callback' } });
  });

  it('assigns within the unit, reassigns, and lists “my cases”', async () => {
    const c = await dispatched();
    const assigned = await street.post(`/cases/${c.id}/assign`, { userId: colleagueId }).expect(201);
    expect(assigned).toSatisfyApiSpec();
    expect(assigned.body).toMatchObject({
      unitCode: STREET,
      assigneeUserId: colleagueId,
      previousAssigneeUserId: null,
    });
    const [notice] = await noticesOf(streetInbox, c.id, 'assigned');
    expect(notice.json<NoticeEvent>().data.detail).toMatchObject({ userId: colleagueId, previousUserId: null });
    await itemOf(c.id, (i) => i.assigneeUserId === colleagueId);

    const mine = (await colleague.get(`/units/${STREET}/inbox?assignee=me&limit=1000`).expect(200)).body;
    expect(mine.items.map((i: InboxItem) => i.caseId)).toEqual([c.id]);
    expect(mine.total).toBe(1);

    const again = await street.post(`/cases/${c.id}/assign`, { userId: streetUserId }).expect(201);
    expect(again.body.previousAssigneeUserId).toBe(colleagueId);
    await itemOf(c.id, (i) => i.assigneeUserId === streetUserId);
    expect((await colleague.get(`/units/${STREET}/inbox?assignee=me`).expect(200)).body.total).toBe(0);
    // The same person again changes nothing: no second event.
    await street.post(`/cases/${c.id}/assign`, { userId: streetUserId }).expect(201);
    const timeline = (await agent.get(`/cases/${c.id}`).expect(200)).body.timeline as { type: string }[];
    expect(timeline.filter((e) => e.type === 'assigned')).toHaveLength(2);
  });

  it('refuses an assignee outside the unit, a unit without the case, and bad filters, naming the field', async () => {
    const c = await dispatched();
    const outsider = await street.post(`/cases/${c.id}/assign`, { userId: otherUnitUserId }).expect(400);
    expect(outsider.body.errors).toEqual([expect.objectContaining({ field: 'userId', reason: 'not_in_unit' })]);
    const other = (await handler(OTHER)).client;
    await other.post(`/cases/${c.id}/assign`, { userId: otherUnitUserId }).expect(404);
    for (const [query, field] of [
      ['due=soon', 'due'],
      ['due=within:721h', 'due'],
      ['state=done', 'state'],
      ['assignee=somebody', 'assignee'],
      ['sort=priority', 'sort'],
    ]) {
      const res = await street.get(`/units/${STREET}/inbox?${query}`).expect(400);
      expect(res.body.errors.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('filters by stage, sorts by due time and counts by stage and due band', async () => {
    const c = await dispatched();
    await street.post(`/cases/${c.id}/sign`).expect(201);
    await itemOf(c.id, (i) => i.stage === 'to_respond');
    const page = await inbox('&state=to_respond&sort=due');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.stage === 'to_respond')).toBe(true);
    const dues = page.items.map((i) => i.dueAt!);
    expect([...dues].sort()).toEqual(dues);
    const all = await inbox();
    expect(Object.values(all.counts.byStage).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(Object.values(all.counts.byDue).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.counts.byStage.to_respond).toBe(page.total);
    expect(all.counts.dueSoonHours).toBe(4);
  });

  // Last: moving the clock on dates later cases in the future for every other test of this file.
  it('warns and breaches to the unit, and lists the item as due soon, then overdue', async () => {
    const c = await dispatched();
    const issued = await itemOf(c.id);
    const signIn = new Date(issued.deadlines.sign!).getTime() - testClock.now().getTime();
    // The sign deadline counts working hours: at night it falls in the morning.
    const dueWithin = async (hours: number) =>
      (await inbox(`&due=within:${hours}h`)).items.some((i) => i.caseId === c.id);
    expect(await dueWithin(Math.ceil(signIn / HOUR_MS))).toBe(true);
    if (signIn > 2 * HOUR_MS) expect(await dueWithin(Math.floor(signIn / HOUR_MS - 0.01))).toBe(false);

    testClock.advance(Math.ceil(signIn * 0.8));
    await worker.get(ClocksJob).tick();
    await noticesOf(streetInbox, c.id, 'sla_warning');
    expect((await itemOf(c.id, (i) => i.alert === 'warning')).lastNotice).toBe('sla_warning');

    testClock.advance(Math.ceil(signIn * 0.2) + MINUTE_MS);
    await worker.get(ClocksJob).tick();
    const [breach] = await noticesOf(streetInbox, c.id, 'sla_breached');
    expect(breach.json<NoticeEvent>().data.detail).toMatchObject({ kind: 'sign', unitCode: STREET });
    await itemOf(c.id, (i) => i.alert === 'breach');
    const overdue = await inbox('&due=overdue');
    expect(overdue.items.map((i) => i.caseId)).toContain(c.id);
    expect(overdue.counts.byDue.overdue).toBeGreaterThanOrEqual(1);

    // The breach raised a supervision order (催办); unanswered for a day, it goes up a level. The same day
    // the response deadline passes too: its own, milder order does not hide the escalated one.
    await noticesOf(streetInbox, c.id, 'supervision_issued');
    await itemOf(c.id, (i) => i.supervisionLevel === 'urge');
    testClock.advance(25 * HOUR_MS);
    await worker.get(ClocksJob).tick();
    const [escalated] = await noticesOf(streetInbox, c.id, 'supervision_escalated');
    expect(escalated.json<NoticeEvent>().data.detail).toMatchObject({ from: 'urge', to: 'supervise' });
    const [, second] = await streetInbox.waitFor((m) => isNotice(m, c.id, 'supervision_issued'), 2);
    expect(second.json<NoticeEvent>().data.detail).toMatchObject({ level: 'urge' });
    const lastAt = [escalated, second].map((m) => m.json<NoticeEvent>().data.occurredAt).sort()[1];
    await itemOf(c.id, (i) => i.lastNoticeAt !== null && i.lastNoticeAt >= lastAt);
    expect((await itemOf(c.id)).supervisionLevel).toBe('supervise');

    // Signing late clears the alert: the item now works to its response deadline.
    await street.post(`/cases/${c.id}/sign`).expect(201);
    await itemOf(c.id, (i) => i.stage === 'to_respond' && i.alert === null);
  });
});

function isNotice(m: ProbedMessage, caseId: string, kind: string): boolean {
  const event = m.json<{ type?: string; subject?: string; data?: { kind?: string } } | null>();
  return event?.type === UNIT_NOTICE_TYPE && event.subject === caseId && event.data?.kind === kind;
}
