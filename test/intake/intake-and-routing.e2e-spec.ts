import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { createCloudEvent, DEAD_LETTER_HEADERS, deadLetterTopic, TOPICS, unitInboxTopic } from '@hotline/messaging';
import { DataSource } from 'typeorm';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody, uniquePhone } from '../support/cases';
import { eventually, KafkaProbe } from '../support/kafka-probe';
import { connectUnitSystems, produceAs, unitPrincipal } from '../support/kafka-principals';

describe('intake and routing (real api + worker on PostgreSQL and Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: ReturnType<typeof as>;
  let supervisor: ReturnType<typeof as>;
  const probe = new KafkaProbe([
    TOPICS.dispatch,
    TOPICS.cases,
    deadLetterTopic(TOPICS.calls),
    deadLetterTopic(TOPICS.unitReplies),
  ]);
  const streetInbox = new KafkaProbe([unitInboxTopic('110105001')], unitPrincipal('110105001'));
  const handlers = new Map<string, ReturnType<typeof as>>();
  const handlerOf = async (unitCode: string) => {
    if (!handlers.has(unitCode)) handlers.set(unitCode, as(http, await tokenFor(http, 'handler', unitCode)));
    return handlers.get(unitCode)!;
  };
  const inboxHas = (unitCode: string, orderOrCaseId: string) =>
    eventually(async () => {
      const res = await (await handlerOf(unitCode)).get(`/units/${unitCode}/inbox?limit=1000`).expect(200);
      const items = res.body.items as { orderId: string; caseId: string; kind: string; role: string }[];
      return items.find((i) => i.orderId === orderOrCaseId || i.caseId === orderOrCaseId);
    });
  const inboxLacks = (unitCode: string, caseId: string) =>
    eventually(async () => {
      const res = await (await handlerOf(unitCode)).get(`/units/${unitCode}/inbox?limit=1000`).expect(200);
      return (res.body.items as { caseId: string }[]).some((i) => i.caseId === caseId) ? undefined : true;
    });
  const register = async (overrides: Record<string, unknown> = {}) =>
    (await agent.post('/cases', caseBody(overrides)).expect(201)).body;

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    connectUnitSystems('110105001');
    await Promise.all([probe.start(), streetInbox.start()]);
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await Promise.all([probe.stop(), streetInbox.stop()]);
  });

  it('routes a call on 12319 to its street through the catalogue and Kafka, into the street’s inbox', async () => {
    const call = (
      await agent
        .post('/calls', { dialedNumber: '12319', callerNumber: uniquePhone(), startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    expect(call.sourceHotline).toMatchObject({ code: '12319', number: '12319', name: '城市管理', kind: 'merged' });

    const created = await register({ callId: call.id, callerPhone: call.callerNumber });
    expect(created).toMatchObject({
      status: 'registered',
      sourceHotline: '12319',
      firstCall: true,
      repeatOf: null,
      merged: false,
    });
    expect(created.caseNumber).toMatch(/^\d{8}-\d{7}$/);
    expect(new Date(created.deadlines.dispatch).getTime() - new Date(created.registeredAt).getTime()).toBe(
      24 * 3600_000,
    );

    const suggestions = (await agent.get(`/cases/${created.id}/dispatch-suggestions`).expect(200)).body;
    expect(suggestions.suggestion).toMatchObject({ leadUnitCode: '110105001', source: 'rule', auto: false });
    expect(suggestions.trace.at(-1)).toMatchObject({ outcome: 'matched' });

    const dispatched = (await agent.post(`/cases/${created.id}/dispatch`, {}).expect(201)).body;
    expect(dispatched).toMatchObject({ status: 'dispatched', leadUnitCode: '110105001', coUnitCodes: [] });
    expect(new Date(dispatched.deadlines.sign).getTime()).toBeGreaterThan(Date.now());

    const [order] = await probe.waitFor((m) => m.topic === TOPICS.dispatch && m.json().data.caseId === created.id);
    expect(order.key).toBe('110105001');
    expect(order.json()).toMatchObject({
      type: 'cn.gov.12345.dispatch.order_issued.v1',
      data: { unitCode: '110105001', role: 'lead', caseNumber: created.caseNumber },
    });
    // The shared topic carries no caller identity; the street's own inbox has the caller to contact.
    expect(order.value).not.toContain(call.callerNumber);
    expect(order.json().data).not.toHaveProperty('caller');
    const [own] = await streetInbox.waitFor((m) => m.json().data.caseId === created.id);
    expect(own.key).toBe(created.id);
    expect(own.json()).toMatchObject({
      type: 'cn.gov.12345.dispatch.order_issued.v1',
      data: { orderId: order.json().data.orderId, caller: { phone: call.callerNumber } },
    });
    const item = await inboxHas('110105001', created.id);
    expect(item).toMatchObject({ kind: 'dispatch', role: 'lead', orderId: order.json().data.orderId });

    const events = await probe.waitFor((m) => m.topic === TOPICS.cases && m.key === created.id, 2);
    expect(events.map((e) => e.json().type)).toEqual([
      'cn.gov.12345.case.registered.v1',
      'cn.gov.12345.case.dispatched.v1',
    ]);
    expect(JSON.stringify(events.map((e) => e.json()))).not.toContain(call.callerNumber);
  });

  it('returns, reviews and re-dispatches: the cancellation reaches the old inbox, the order the new one', async () => {
    const c = await register();
    await agent.post(`/cases/${c.id}/dispatch`, {}).expect(201);
    await inboxHas('110105001', c.id);
    const street = await handlerOf('110105001');

    const request = (
      await street
        .post(`/cases/${c.id}/return`, { reasonCode: 'not_our_jurisdiction', reason: '该地址属于相邻街道' })
        .expect(201)
    ).body;
    expect(request).toMatchObject({ status: 'pending', dispatchNo: 1, unitCode: '110105001' });
    expect((await agent.get(`/cases/${c.id}`).expect(200)).body.status).toBe('return_requested');
    const badReview = await supervisor
      .post(`/cases/${c.id}/returns/${request.id}/review`, { approve: 'yes' })
      .expect(400);
    expect(badReview.body.errors[0].field).toBe('approve');

    const reviewed = (
      await supervisor
        .post(`/cases/${c.id}/returns/${request.id}/review`, { approve: true, note: '改派区政府' })
        .expect(201)
    ).body;
    expect(reviewed).toMatchObject({ status: 'registered', leadUnitCode: null });
    await supervisor.post(`/cases/${c.id}/returns/${request.id}/review`, { approve: true }).expect(409);

    const [cancel] = await probe.waitFor(
      (m) =>
        m.topic === TOPICS.dispatch && m.json().type.endsWith('order_cancelled.v1') && m.json().data.caseId === c.id,
    );
    expect(cancel.key).toBe('110105001');
    await inboxLacks('110105001', c.id);

    const again = (
      await agent
        .post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] })
        .expect(201)
    ).body;
    expect(again).toMatchObject({
      status: 'dispatched',
      leadUnitCode: '110105',
      coUnitCodes: ['DEPT-URBAN-MANAGEMENT'],
    });
    expect(await inboxHas('110105', c.id)).toMatchObject({ role: 'lead' });
    expect(await inboxHas('DEPT-URBAN-MANAGEMENT', c.id)).toMatchObject({ role: 'co' });

    // The street that returned it can still read the case (it was assigned), but no longer act as lead.
    await street.get(`/cases/${c.id}`).expect(200);
    await street.post(`/cases/${c.id}/return`, { reasonCode: 'other', reason: '再试一次' }).expect(403);
    const timeline = (await agent.get(`/cases/${c.id}`).expect(200)).body.timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(['registered', 'dispatched', 'return_requested', 'return_reviewed', 'dispatched']);
  });

  it('rejecting a return puts the case back where the unit asked from', async () => {
    const c = await register();
    await agent.post(`/cases/${c.id}/dispatch`, {}).expect(201);
    const street = await handlerOf('110105001');
    const request = (
      await street.post(`/cases/${c.id}/return`, { reasonCode: 'wrong_location', reason: '地址有误' }).expect(201)
    ).body;
    await agent.post(`/cases/${c.id}/returns/${request.id}/review`, { approve: false }).expect(403);
    const reviewed = (
      await supervisor
        .post(`/cases/${c.id}/returns/${request.id}/review`, { approve: false, note: '属实，请办理' })
        .expect(201)
    ).body;
    expect(reviewed).toMatchObject({ status: 'dispatched', leadUnitCode: '110105001' });
  });

  it('attaches a repeat call to the caller’s open case; the 2nd repeat triggers supervision; agents can force a new case', async () => {
    const callerPhone = uniquePhone();
    const first = await register({ callerPhone });
    const repeat = (
      await agent
        .post('/cases', caseBody({ callerPhone: `+86 ${callerPhone}`, description: '又来电：商贩仍在占道' }))
        .expect(201)
    ).body;
    expect(repeat).toMatchObject({
      id: first.id,
      caseNumber: first.caseNumber,
      repeatOf: first.id,
      merged: true,
      repeatCount: 1,
    });
    const second = (await agent.post('/cases', caseBody({ callerPhone })).expect(201)).body;
    expect(second).toMatchObject({ id: first.id, repeatCount: 2 });

    const detail = (await agent.get(`/cases/${first.id}`).expect(200)).body;
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'registered',
      'merged',
      'merged',
      'supervision_triggered',
    ]);
    expect(detail.timeline[3].data).toMatchObject({ trigger: 'repeat_call', repeatCount: 2 });

    const forced = (await agent.post('/cases', caseBody({ callerPhone, forceNew: true })).expect(201)).body;
    expect(forced).toMatchObject({ merged: false, firstCall: false, repeatOf: first.id });
    expect(forced.id).not.toBe(first.id);

    const otherCategory = (await agent.post('/cases', caseBody({ callerPhone, categoryCode: '010102' })).expect(201))
      .body;
    expect(otherCategory).toMatchObject({ merged: false, firstCall: true });
  });

  it('offers other callers’ demands on the same matter and place as possibly related, without merging', async () => {
    const street = '110105002';
    const a = await register({ streetCode: street, categoryCode: '010103' });
    const b = await register({ streetCode: street, categoryCode: '010103' });
    expect(b.id).not.toBe(a.id);
    const detail = (await agent.get(`/cases/${a.id}`).expect(200)).body;
    expect(detail.possiblyRelated.map((r: { id: string }) => r.id)).toContain(b.id);
  });

  it('transfers a caller to 95598 with one click; the utility acknowledges over HTTP or over Kafka', async () => {
    const call = (
      await agent
        .post('/calls', { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    await agent.post(`/calls/${call.id}/transfer`, { utilityCode: 'UTIL-POWER' }).expect(409);
    const c = await register({
      callId: call.id,
      callerPhone: call.callerNumber,
      demandType: 'help',
      categoryCode: '030202',
      streetCode: undefined,
    });
    await agent.post(`/calls/${call.id}/transfer`, { utilityCode: '110105' }).expect(400);
    const transfer = (
      await agent
        .post(`/calls/${call.id}/transfer`, { utilityCode: 'UTIL-POWER', summary: '家中跳闸，请电力公司联系' })
        .expect(201)
    ).body;
    expect(transfer).toMatchObject({ utilityCode: 'UTIL-POWER', status: 'pending', caseId: c.id });
    expect(new Date(transfer.ackDueAt).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect((await agent.get(`/cases/${c.id}`).expect(200)).body.status).toBe('transferred');

    const [order] = await probe.waitFor((m) => m.topic === TOPICS.dispatch && m.json().data.transferId === transfer.id);
    expect(order.key).toBe('UTIL-POWER');
    expect(order.json()).toMatchObject({
      type: 'cn.gov.12345.transfer.order_issued.v1',
      data: { summary: '家中跳闸，请电力公司联系' },
    });
    expect(await inboxHas('UTIL-POWER', transfer.id)).toMatchObject({ kind: 'transfer' });

    await (await handlerOf('UTIL-WATER')).post(`/transfers/${transfer.id}/acknowledge`).expect(404);
    const acked = (await (await handlerOf('UTIL-POWER')).post(`/transfers/${transfer.id}/acknowledge`).expect(201))
      .body;
    expect(acked.status).toBe('acknowledged');
    await inboxLacks('UTIL-POWER', c.id);

    // A second transfer, acknowledged by the utility's own system over Kafka — and one from the wrong unit.
    const call2 = (
      await agent
        .post('/calls', { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    const c2 = await register({
      callId: call2.id,
      callerPhone: call2.callerNumber,
      demandType: 'help',
      categoryCode: '030202',
    });
    const t2 = (await agent.post(`/calls/${call2.id}/transfer`, { utilityCode: 'UTIL-POWER' }).expect(201)).body;
    // Through the gateway's shared topic: it speaks for the unit it names (docs/events.md).
    const reply = (unitCode: string) =>
      createCloudEvent({
        time: new Date(),
        type: 'cn.gov.12345.unit_reply.transfer_acknowledged.v1',
        source: '/units/UTIL-POWER',
        subject: c2.id,
        data: { caseId: c2.id, unitCode, transferId: t2.id },
      });
    const wrong = reply('UTIL-GAS');
    await produceAs('gateway', TOPICS.unitReplies, [{ key: c2.id, value: JSON.stringify(wrong) }]);
    await produceAs('gateway', TOPICS.unitReplies, [{ key: c2.id, value: JSON.stringify(reply('UTIL-POWER')) }]);
    const [dead] = await probe.waitFor(
      (m) => m.topic === deadLetterTopic(TOPICS.unitReplies) && m.json().id === wrong.id,
    );
    expect(dead.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/Transfer .* not found/);
    await eventually(async () => {
      const timeline = (await agent.get(`/cases/${c2.id}`).expect(200)).body.timeline as { type: string }[];
      return timeline.some((e) => e.type === 'transfer_acknowledged') ? true : undefined;
    });
  });

  it('takes overflow from 96116 and sends the case back to the water utility by default', async () => {
    const call = (
      await agent
        .post('/calls', { dialedNumber: '96116', callerNumber: uniquePhone(), startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    expect(call).toMatchObject({ overflowFrom: 'UTIL-WATER', sourceHotline: { kind: 'utility', number: '96116' } });
    const c = await register({
      callId: call.id,
      callerPhone: call.callerNumber,
      categoryCode: '030103',
      demandType: 'complaint',
    });
    expect(c).toMatchObject({ overflowFrom: 'UTIL-WATER', sourceHotline: '96116' });
    const suggestions = (await agent.get(`/cases/${c.id}/dispatch-suggestions`).expect(200)).body;
    expect(suggestions.suggestion).toMatchObject({ leadUnitCode: 'UTIL-WATER', source: 'overflow' });
    const dispatched = (await agent.post(`/cases/${c.id}/dispatch`).expect(201)).body;
    expect(dispatched.leadUnitCode).toBe('UTIL-WATER');
    await inboxHas('UTIL-WATER', c.id);
  });

  it('dispatches at once, as the system, when the matching rule is automatic (停水)', async () => {
    const c = await register({ categoryCode: '030101', urgency: 'basic_service', demandType: 'help' });
    const dispatched = await eventually(async () => {
      const detail = (await agent.get(`/cases/${c.id}`).expect(200)).body;
      return detail.status === 'dispatched' ? detail : undefined;
    });
    expect(dispatched).toMatchObject({ leadUnitCode: 'UTIL-WATER' });
    expect(dispatched.timeline[1]).toMatchObject({ type: 'dispatched', actor: { role: 'system', userId: null } });
  });

  it('answers a consultation on the call, and refuses to answer a complaint there', async () => {
    const consultation = await register({ demandType: 'consultation', categoryCode: '130101' });
    const answered = (await agent.post(`/cases/${consultation.id}/answer`, { reply: '已告知办理流程' }).expect(201))
      .body;
    expect(answered.status).toBe('answered');
    await agent.post(`/cases/${consultation.id}/dispatch`).expect(409);
    const complaint = await register();
    await agent.post(`/cases/${complaint.id}/answer`, { reply: 'x' }).expect(409);
  });

  it('folds telephony events from Kafka into calls, whatever their order, and dead-letters an unknown line', async () => {
    const callId = `cti-${randomUUID()}`;
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    const callEvent = (kind: string, seconds: number, dialedNumber = '12319') =>
      createCloudEvent({
        time: new Date(),
        type: `cn.gov.12345.call.${kind}.v1`,
        source: '/cti',
        data: { callId, dialedNumber, callerNumber: '13800001111', occurredAt: at(seconds) },
      });
    await produceAs(
      'telephony',
      TOPICS.calls,
      [callEvent('ended', 30), callEvent('offered', 0), callEvent('answered', 5), callEvent('abandoned', 40)].map(
        (e) => ({ key: callId, value: JSON.stringify(e) }),
      ),
    );
    const dataSource = api.get(DataSource);
    const row = await eventually(async () => {
      const [found] = await dataSource.query(
        `SELECT * FROM calls WHERE cti_call_id = $1 AND answered_at IS NOT NULL AND ended_at IS NOT NULL`,
        [callId],
      );
      return found as Record<string, unknown> | undefined;
    });
    expect(row).toMatchObject({ status: 'ended', source_hotline_code: '12319', abandoned_at: null });

    const unknown = callEvent('offered', 0, '110');
    await produceAs('telephony', TOPICS.calls, [{ key: callId, value: JSON.stringify(unknown) }]);
    const [dead] = await probe.waitFor((m) => m.topic === deadLetterTopic(TOPICS.calls) && m.json().id === unknown.id);
    expect(dead.headers[DEAD_LETTER_HEADERS.reason]).toContain('dialedNumber');
  });

  it('shows a case only to units assigned to it, with the caller masked or hidden as docs/product.md, "Privacy and access" says', async () => {
    const c = await register({ confidential: false });
    await agent
      .post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] })
      .expect(201);
    const lead = (await (await handlerOf('110105001')).get(`/cases/${c.id}`).expect(200)).body;
    const co = (await (await handlerOf('DEPT-URBAN-MANAGEMENT')).get(`/cases/${c.id}`).expect(200)).body;
    expect(lead.callerPhone).toBe(c.callerPhone);
    expect(co.callerPhone).toBe(`${c.callerPhone.slice(0, 3)}****${c.callerPhone.slice(-4)}`);
    expect(co.callerName).toBeNull();

    const outsider = await handlerOf('110108001');
    const notFound = await outsider.get(`/cases/${c.id}`).expect(404);
    const unknown = await outsider.get(`/cases/${randomUUID()}`).expect(404);
    expect(notFound.body.message.replace(c.id, 'ID')).toBe(unknown.body.message.replace(/[0-9a-f-]{36}/, 'ID'));
    await outsider.get(`/cases/${c.id}/dispatch-suggestions`).expect(404);
    expect(
      (await outsider.get('/cases?limit=1000').expect(200)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(c.id);
    await outsider.get('/units/110105001/inbox').expect(403);

    const secret = await register({ confidential: true, demandType: 'report' });
    await agent.post(`/cases/${secret.id}/dispatch`, {}).expect(201);
    const hidden = (await (await handlerOf('110105001')).get(`/cases/${secret.id}`).expect(200)).body;
    expect(hidden).toMatchObject({ callerName: null, callerPhone: null });
    const [order] = await probe.waitFor((m) => m.topic === TOPICS.dispatch && m.json().data.caseId === secret.id);
    expect(order.json().data.caller).toBeUndefined();
    expect(order.value).not.toContain(secret.callerPhone);
  });

  it('finds cases by filters, newest first, with stable pages', async () => {
    const callerPhone = uniquePhone();
    const made = [];
    for (const categoryCode of ['010104', '010105', '010106'])
      made.push(await register({ callerPhone, categoryCode, streetCode: '110105003' }));
    const page = (await agent.get(`/cases?callerPhone=${callerPhone}&limit=2`).expect(200)).body;
    expect(page.total).toBe(3);
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([made[2].id, made[1].id]);
    const next = (await agent.get(`/cases?callerPhone=${callerPhone}&limit=2&offset=2`).expect(200)).body;
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([made[0].id]);
    const filtered = (
      await agent
        .get(`/cases?callerPhone=${callerPhone}&categoryCode=010105&status=registered&streetCode=110105003`)
        .expect(200)
    ).body;
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([made[1].id]);
    const byNumber = (await agent.get(`/cases?q=${made[0].caseNumber}`).expect(200)).body;
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([made[0].id]);
    await (await handlerOf('110105001')).get(`/cases?callerPhone=${callerPhone}`).expect(400);
  });

  it('gives two concurrent registrations distinct case numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => agent.post('/cases', caseBody()).expect(201)));
    const numbers = new Set(results.map((r) => r.body.caseNumber));
    expect(numbers.size).toBe(20);
  });

  it('lets exactly one of two concurrent dispatches win; the other gets 409', async () => {
    const c = await register();
    const [a, b] = await Promise.all([
      agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001' }),
      agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const orders = await api
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM case_assignments WHERE case_id = $1`, [c.id]);
    expect(orders[0].n).toBe(1);
  });

  describe('bad input answers 4xx naming each field', () => {
    const fieldsOf = (body: { errors?: { field: string }[] }) =>
      [...new Set((body.errors ?? []).map((e) => e.field))].sort();

    it('on registration', async () => {
      const bad = await agent
        .post(
          '/cases',
          caseBody({
            channel: 'pigeon',
            demandType: 'rant',
            urgency: 'whenever',
            callerPhone: '12345',
            description: 'x',
            address: '',
            extra: 1,
          }),
        )
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual([
        'address',
        'callerPhone',
        'channel',
        'demandType',
        'description',
        'extra',
        'urgency',
      ]);
      const place = await agent
        .post('/cases', caseBody({ categoryCode: '0101', districtCode: '110105', streetCode: '110108001' }))
        .expect(400);
      expect(fieldsOf(place.body)).toEqual(['categoryCode', 'streetCode']);
      const phone = await agent.post('/cases', caseBody({ callerPhone: '23812345678' })).expect(400);
      expect(fieldsOf(phone.body)).toEqual(['callerPhone']);
      const call = await agent.post('/cases', caseBody({ callId: randomUUID() })).expect(400);
      expect(fieldsOf(call.body)).toEqual(['callId']);
      const long = await agent
        .post('/cases', caseBody({ description: '长'.repeat(4001), callerName: 'x'.repeat(101) }))
        .expect(400);
      expect(fieldsOf(long.body)).toEqual(['callerName', 'description']);
      // callerPhone is required by channel (a call has one, a letter may not): checked once the channel is known.
      const missing = await agent.post('/cases', {}).expect(400);
      expect(fieldsOf(missing.body)).toEqual([
        'address',
        'categoryCode',
        'channel',
        'demandType',
        'description',
        'districtCode',
        'urgency',
      ]);
    });

    it('on calls, dispatch, returns and ids', async () => {
      const call = await agent
        .post('/calls', { dialedNumber: '110', callerNumber: '1', startedAt: 'yesterday' })
        .expect(400);
      expect(fieldsOf(call.body)).toEqual(['callerNumber', 'startedAt']);
      const unknownLine = await agent
        .post('/calls', { dialedNumber: '110', callerNumber: '13800001111', startedAt: new Date().toISOString() })
        .expect(400);
      expect(fieldsOf(unknownLine.body)).toEqual(['dialedNumber']);
      const overflow = await agent
        .post('/calls', {
          dialedNumber: '96116',
          callerNumber: '13800001111',
          startedAt: new Date().toISOString(),
          overflowFrom: 'UTIL-GAS',
        })
        .expect(400);
      expect(fieldsOf(overflow.body)).toEqual(['overflowFrom']);

      const c = await register();
      const dispatch = await agent
        .post(`/cases/${c.id}/dispatch`, { leadUnitCode: 'NOPE', coUnitCodes: ['110105', '110105'] })
        .expect(400);
      expect(fieldsOf(dispatch.body)).toEqual(['coUnitCodes.1', 'leadUnitCode']);
      await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001' }).expect(201);
      const ret = await (
        await handlerOf('110105001')
      )
        .post(`/cases/${c.id}/return`, { reasonCode: 'bored', reason: '' })
        .expect(400);
      expect(fieldsOf(ret.body)).toEqual(['reason', 'reasonCode']);
      const id = await agent.get('/cases/not-a-uuid').expect(400);
      expect(fieldsOf(id.body)).toEqual(['id']);
      await agent.get(`/cases/${randomUUID()}`).expect(404);
      const filter = await agent.get('/cases?from=someday&urgency=soon').expect(400);
      expect(fieldsOf(filter.body)).toEqual(['from', 'urgency']);
    });

    it('on roles: handlers cannot register or dispatch, agents cannot review', async () => {
      const street = await handlerOf('110105001');
      await street.post('/cases', caseBody()).expect(403);
      const c = await register();
      await street.post(`/cases/${c.id}/dispatch`).expect(403);
    });
  });
});
