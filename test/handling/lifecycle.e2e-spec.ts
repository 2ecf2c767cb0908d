import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createCloudEvent,
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  TOPICS,
  unitInboxTopic,
  unitRepliesTopic,
} from '@hotline/messaging';
import { HOUR_MS, MINUTE_MS } from '@hotline/clock';
import { ClocksJob } from '../../apps/worker/src/clocks/clocks.job';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually, KafkaProbe } from '../support/kafka-probe';
import { testClock } from '../support/test-clock';
import { connectUnitSystems, produceAs, unitPrincipal } from '../support/kafka-principals';

type Client = ReturnType<typeof as>;

describe('handling, SLA clocks, callback and supervision (real api + worker on PostgreSQL and Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let db: DataSource;
  let agent: Client;
  let supervisor: Client;
  let admin: Client;
  const probe = new KafkaProbe([deadLetterTopic(TOPICS.unitReplies)]);
  const intruderInbox = new KafkaProbe([unitInboxTopic('110108001')], unitPrincipal('110108001'));
  const handlers = new Map<string, Client>();
  const handlerOf = async (unit: string) => {
    if (!handlers.has(unit)) handlers.set(unit, as(http, await tokenFor(http, 'handler', unit)));
    return handlers.get(unit)!;
  };
  const detail = async (id: string) => (await agent.get(`/cases/${id}`).expect(200)).body;
  const types = async (id: string) => ((await detail(id)).timeline as { type: string }[]).map((e) => e.type);
  const dispatched = async (
    overrides: Record<string, unknown> = {},
    choice: object = { leadUnitCode: '110105001' },
  ) => {
    const c = (await agent.post('/cases', caseBody(overrides)).expect(201)).body;
    await agent.post(`/cases/${c.id}/dispatch`, choice).expect(201);
    return c as { id: string; callerPhone: string };
  };
  const resolvedCase = async () => {
    const c = await dispatched();
    const street = await handlerOf('110105001');
    await street.post(`/cases/${c.id}/sign`).expect(201);
    await street.post(`/cases/${c.id}/respond`, { note: '已联系市民' }).expect(201);
    await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已清理' }).expect(201);
    return c;
  };
  const supervisionsOf = async (caseId: string) =>
    (await supervisor.get(`/supervisions?caseId=${caseId}`).expect(200)).body.items as ({ id: string } & Record<
      string,
      unknown
    >)[];

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    db = api.get(DataSource);
    // Before the worker starts, so it subscribes to these units' replies topics as it joins.
    connectUnitSystems('110105001', '110108001');
    await Promise.all([probe.start(), intruderInbox.start()]);
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    admin = as(
      http,
      (await http().post('/api/v1/auth/token').send({ username: 'admin', password: 'admin12345' })).body.accessToken,
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await Promise.all([probe.stop(), intruderInbox.stop()]);
  });

  it('runs dispatch → sign → respond → resolve → callback → closed, and a closed case is read-only', async () => {
    const c = await dispatched();
    const street = await handlerOf('110105001');
    const signed = (await street.post(`/cases/${c.id}/sign`).expect(201)).body;
    expect(signed.status).toBe('signed');
    expect((await street.post(`/cases/${c.id}/sign`).expect(409)).body.reason).toBe('case.already_signed');
    await street.post(`/cases/${c.id}/respond`, { note: '已电话联系市民' }).expect(201);
    expect((await street.post(`/cases/${c.id}/respond`, { note: '再次联系' }).expect(409)).body.reason).toBe(
      'case.already_responded',
    );
    const resolved = (
      await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已清理占道摊位' }).expect(201)
    ).body;
    expect(resolved.status).toBe('resolved');
    expect(new Date(resolved.deadlines.callback).getTime() - testClock.now().getTime()).toBeGreaterThan(47 * 3600_000);

    await eventually(async () => {
      const inbox = (await street.get('/units/110105001/inbox?limit=1000').expect(200)).body.items as {
        caseId: string;
      }[];
      return inbox.some((i) => i.caseId === c.id) ? undefined : true;
    });
    const queue = (await agent.get('/callbacks/due?limit=1000').expect(200)).body.items as { id: string }[];
    expect(queue.map((i) => i.id)).toContain(c.id);

    await agent.post(`/cases/${c.id}/callback`, { reached: true }).expect(400);
    const closed = (
      await agent
        .post(`/cases/${c.id}/callback`, { reached: true, solved: true, satisfaction: 'satisfied' })
        .expect(201)
    ).body;
    expect(closed.status).toBe('closed');
    expect(await types(c.id)).toEqual([
      'registered',
      'dispatched',
      'signed',
      'responded',
      'resolved',
      'callback_recorded',
      'closed',
    ]);
    const deadlines = await db.query(`SELECT kind, status FROM case_deadlines WHERE case_id = $1 ORDER BY id`, [c.id]);
    expect(deadlines).toEqual([
      { kind: 'dispatch', status: 'met' },
      { kind: 'sign', status: 'met' },
      { kind: 'response', status: 'met' },
      { kind: 'resolve', status: 'met' },
      { kind: 'callback', status: 'met' },
    ]);

    await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: 'x' }).expect(409);
    await agent.post(`/cases/${c.id}/dispatch`, {}).expect(409);
    await agent.post(`/cases/${c.id}/callback`, { reached: false }).expect(409);
    await supervisor.post(`/cases/${c.id}/unreasonable`, { reason: '太晚了' }).expect(409);
  });

  it('moves the resolve deadline when an extension is approved, recording why', async () => {
    const c = await dispatched();
    const street = await handlerOf('110105001');
    await street.post(`/cases/${c.id}/sign`).expect(201);
    const before = (await detail(c.id)).deadlines.resolve as string;
    const request = (
      await street.post(`/cases/${c.id}/extensions`, { hours: 72, reason: '需协调产权单位' }).expect(201)
    ).body;
    await street.post(`/cases/${c.id}/extensions`, { hours: 24, reason: '再延' }).expect(409);
    await street.post(`/cases/${c.id}/extensions/${request.id}/review`, { approve: true }).expect(403);
    await supervisor.post(`/cases/${c.id}/extensions/${request.id}/review`, { approve: true }).expect(201);
    const after = await detail(c.id);
    expect(new Date(after.deadlines.resolve).getTime() - new Date(before).getTime()).toBe(72 * 3600_000);
    const changed = after.timeline.find((e: { type: string }) => e.type === 'deadline_changed');
    expect(changed).toMatchObject({
      data: { deadline: 'resolve', reason: 'extension approved: 需协调产权单位' },
      before: { resolveDueAt: before },
      after: { resolveDueAt: after.deadlines.resolve },
    });
    const [clock] = await db.query(
      `SELECT due_at FROM case_deadlines WHERE case_id = $1 AND kind = 'resolve' AND status = 'open'`,
      [c.id],
    );
    expect(new Date(clock.due_at).toISOString()).toBe(after.deadlines.resolve);
    await supervisor.post(`/cases/${c.id}/extensions/${request.id}/review`, { approve: false }).expect(409);
  });

  it('reopens on an unsatisfied callback and issues a supervision order automatically; the case can be re-dispatched', async () => {
    const c = await resolvedCase();
    const reopened = (
      await agent
        .post(`/cases/${c.id}/callback`, {
          reached: true,
          solved: false,
          satisfaction: 'unsatisfied',
          note: '摊贩又回来了',
        })
        .expect(201)
    ).body;
    expect(reopened.status).toBe('reopened');
    const [order] = await eventually(async () => {
      const found = await supervisionsOf(c.id);
      return found.length ? found : undefined;
    });
    expect(order).toMatchObject({
      trigger: 'callback_unsatisfied',
      level: 'urge',
      unitCode: '110105001',
      status: 'open',
    });
    expect(await types(c.id)).toEqual(
      expect.arrayContaining(['callback_recorded', 'supervision_triggered', 'reopened', 'supervision_issued']),
    );
    const again = (await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105' }).expect(201)).body;
    expect(again).toMatchObject({ status: 'dispatched', leadUnitCode: '110105' });

    const district = await handlerOf('110105');
    await (await handlerOf('110105001')).post(`/supervisions/${order.id}/reply`, { note: '已处理' }).expect(201);
    await district.post(`/supervisions/${order.id}/reply`, { note: 'x' }).expect(404);
    const closed = (await supervisor.post(`/supervisions/${order.id}/close`).expect(201)).body;
    expect(closed.status).toBe('closed');
  });

  it('takes a unit’s sign and resolve from its own system over Kafka, and refuses another unit’s, telling it why', async () => {
    const c = await dispatched();
    const reply = (name: string, data: object, unitCode = '110105001') =>
      createCloudEvent({
        time: new Date(),
        type: `cn.gov.12345.unit_reply.${name}.v1`,
        source: `/units/${unitCode}`,
        subject: c.id,
        data: { caseId: c.id, unitCode, ...data },
      });
    const send = (unitCode: string, events: object[]) =>
      produceAs(
        unitPrincipal(unitCode),
        unitRepliesTopic(unitCode),
        events.map((e) => ({ key: c.id, value: JSON.stringify(e) })),
      );
    // Another street's system, on its own channel, for a case it does not hold.
    const intruder = reply('signed', {}, '110108001');
    await send('110108001', [intruder]);
    await send('110105001', [
      reply('signed', {}),
      reply('responded', { note: '系统回复：已联系' }),
      reply('resolved', { outcome: 'partly', reply: '部分解决' }),
    ]);
    const resolved = await eventually(async () => {
      const d = await detail(c.id);
      return d.status === 'resolved' ? d : undefined;
    });
    expect(
      resolved.timeline.map((e: { type: string; actor: { unitCode: string } }) => `${e.type}:${e.actor.unitCode}`),
    ).toEqual(expect.arrayContaining(['signed:110105001', 'responded:110105001', 'resolved:110105001']));
    const [dead] = await probe.waitFor((m) => m.json().id === intruder.id);
    expect(dead.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/not found/);
    expect(dead.headers[DEAD_LETTER_HEADERS.reasonCode]).toBe('case.not_found');
    const [rejection] = await intruderInbox.waitFor((m) => m.json().data.replyId === intruder.id);
    expect(rejection.json()).toMatchObject({
      type: 'cn.gov.12345.unit_reply.rejected.v1',
      data: { caseId: c.id, unitCode: '110108001', reason: 'case.not_found', replyType: intruder.type },
    });
  });

  it('lets exactly one of two handlers signing at once succeed; the other gets 409', async () => {
    const c = await dispatched();
    const a = await handlerOf('110105001');
    const b = as(http, await tokenFor(http, 'handler', '110105001'));
    const results = await Promise.all([a.post(`/cases/${c.id}/sign`), b.post(`/cases/${c.id}/sign`)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await types(c.id)).filter((t) => t === 'signed')).toHaveLength(1);
  });

  it('lets co-handlers sign their order and report their part, but not resolve', async () => {
    const c = await dispatched({}, { leadUnitCode: '110105001', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] });
    const co = await handlerOf('DEPT-URBAN-MANAGEMENT');
    expect((await co.post(`/cases/${c.id}/sign`).expect(201)).body.status).toBe('dispatched');
    await co.post(`/cases/${c.id}/sign`).expect(409);
    await co.post(`/cases/${c.id}/co-reports`, { note: '已派执法队' }).expect(201);
    expect((await co.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: 'x' }).expect(403)).body.reason).toBe(
      'order.lead_only',
    );
    await (await handlerOf('110108001')).post(`/cases/${c.id}/sign`).expect(404);
    expect(await types(c.id)).toEqual(['registered', 'dispatched', 'co_signed', 'co_handler_reported']);
  });

  it('warns at 75% and breaches when a deadline passes, once, and every breach issues a supervision order', async () => {
    // An emergency: sign within 30 minutes, respond within 1 hour, resolve within 2.
    const c = await dispatched({ urgency: 'emergency' });
    testClock.advance(23 * MINUTE_MS); // the sign clock is past 75%, the others are not
    await worker.get(ClocksJob).tick();
    testClock.advance(8 * MINUTE_MS); // the sign clock has run out, the response clock is at 52%
    await worker.get(ClocksJob).tick();
    await worker.get(ClocksJob).tick();
    const timeline = (await detail(c.id)).timeline as { type: string; data: { kind?: string } }[];
    expect(timeline.filter((e) => e.type === 'sla_warning').map((e) => e.data.kind)).toEqual(['sign']);
    expect(timeline.filter((e) => e.type === 'sla_breached').map((e) => e.data.kind)).toEqual(['sign']);
    const [order] = await eventually(async () => {
      const found = await supervisionsOf(c.id);
      return found.length ? found : undefined;
    });
    expect(order).toMatchObject({ trigger: 'deadline_missed', level: 'urge', unitCode: '110105001' });

    // Not answered within its 24 hours: the order goes up a level (the case's other clocks run out
    // meanwhile and raise orders of their own, so look the first one up by id).
    testClock.advance(24 * HOUR_MS + 1000);
    await worker.get(ClocksJob).tick();
    const escalated = (await supervisionsOf(c.id)).find((s) => s.id === order.id);
    expect(escalated).toMatchObject({ level: 'supervise', escalations: 1, status: 'open' });
  });

  it('never raises a breach twice, even with two sweeps running at once', async () => {
    const cases = await Promise.all(Array.from({ length: 12 }, () => dispatched({ urgency: 'emergency' })));
    const ids = cases.map((c) => c.id);
    testClock.advance(2 * HOUR_MS + 1000); // past the sign, response and resolve deadlines of each
    const clocks = worker.get(ClocksJob);
    await Promise.all([clocks.tick(), clocks.tick(), clocks.tick()]);
    // The worker's own clock loop sweeps too: rows it holds are skipped by the ticks (SKIP LOCKED) and
    // appear when its transaction commits — so wait for every deadline to be decided, then count.
    const rows = await eventually(async () => {
      const found: { case_id: string; kind: string; n: number }[] = await db.query(
        `SELECT case_id, data->>'kind' AS kind, count(*)::int AS n FROM case_events WHERE case_id = ANY($1) AND type = 'sla_breached' GROUP BY 1, 2`,
        [ids],
      );
      const open: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM case_deadlines WHERE case_id = ANY($1) AND status = 'open' AND due_at <= $2`,
        [ids, testClock.now()],
      );
      return open[0].n === 0 ? found : undefined;
    });
    expect(rows).toHaveLength(ids.length * 3); // sign, response, resolve of each case
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('closes a case as unreachable after three callbacks that reach nobody', async () => {
    const c = await resolvedCase();
    expect((await agent.post(`/cases/${c.id}/callback`, { reached: false }).expect(201)).body.status).toBe('resolved');
    expect((await agent.post(`/cases/${c.id}/callback`, { reached: false }).expect(201)).body.status).toBe('resolved');
    expect((await agent.post(`/cases/${c.id}/callback`, { reached: false }).expect(201)).body.status).toBe('closed');
    const closed = (await detail(c.id)).timeline.at(-1);
    expect(closed).toMatchObject({ type: 'closed', data: { reason: 'unreachable' } });
  });

  it('takes a demand marked unreasonable out of the callback queue', async () => {
    const c = await resolvedCase();
    await agent.post(`/cases/${c.id}/unreasonable`, { reason: 'x' }).expect(403);
    const marked = (await supervisor.post(`/cases/${c.id}/unreasonable`, { reason: '诉求超出职责范围' }).expect(201))
      .body;
    expect(marked.reasonable).toBe(false);
    const queue = (await agent.get('/callbacks/due?limit=1000').expect(200)).body.items as { id: string }[];
    expect(queue.map((i) => i.id)).not.toContain(c.id);
  });

  it('lets supervisors issue orders by hand, and handlers see only their unit’s', async () => {
    const c = await dispatched();
    await agent.post(`/cases/${c.id}/supervisions`, { level: 'urge', note: 'x' }).expect(403);
    const order = (
      await supervisor
        .post(`/cases/${c.id}/supervisions`, { level: 'listed', note: '挂牌督办：请三日内办结' })
        .expect(201)
    ).body;
    expect(order).toMatchObject({ level: 'listed', trigger: 'manual', unitCode: '110105001' });
    const own = (await (await handlerOf('110105001')).get(`/supervisions?caseId=${c.id}`).expect(200)).body;
    expect(own.items.map((s: { id: string }) => s.id)).toContain(order.id);
    const other = (await (await handlerOf('110108001')).get(`/supervisions?caseId=${c.id}`).expect(200)).body;
    expect(other.total).toBe(0);
    await supervisor.post(`/cases/${c.id}/supervisions`, { level: 'shout', note: '' }).expect(400);
  });

  it('serves the holiday calendar with 调休 days, editable by admins', async () => {
    const days = (await agent.get('/calendar?year=2026').expect(200)).body as { day: string; kind: string }[];
    expect(days).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ day: '2026-10-01', kind: 'holiday' }),
        expect.objectContaining({ day: '2026-10-10', kind: 'workday' }),
      ]),
    );
    const day = `2031-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    await agent.put(`/calendar/days/${day}`, { kind: 'holiday' }).expect(403);
    expect(
      (await admin.put(`/calendar/days/${day}`, { kind: 'holiday', name: '测试' }).expect(200)).body,
    ).toMatchObject({ day, kind: 'holiday' });
    expect((await admin.put(`/calendar/days/${day}`, { kind: 'normal' }).expect(200)).body).toEqual({
      day,
      kind: 'normal',
    });
    await admin.put('/calendar/days/2031-13-45', { kind: 'holiday' }).expect(400);
    await agent.get('/calendar?year=abc').expect(400);
  });

  it('names bad fields on handling and callback input', async () => {
    const c = await dispatched();
    const street = await handlerOf('110105001');
    const bad = await street.post(`/cases/${c.id}/extensions`, { hours: 0, reason: '' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['hours', 'reason']);
    await street.post(`/cases/${c.id}/sign`).expect(201);
    const res = await street.post(`/cases/${c.id}/resolve`, { outcome: 'maybe' }).expect(400);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['outcome', 'reply']);
    const cb = await agent
      .post(`/cases/${randomUUID()}/callback`, { reached: 'yes', satisfaction: 'ecstatic' })
      .expect(400);
    expect(cb.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['reached', 'satisfaction']);
  });
});
