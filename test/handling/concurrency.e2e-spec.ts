import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { MINUTE_MS } from '@hotline/clock';
import { UNIT_REPLY_TYPES } from '@hotline/handling';
import { createCloudEvent, DEAD_LETTER_HEADERS, deadLetterTopic, TOPICS } from '@hotline/messaging';
import { ClocksJob } from '../../apps/worker/src/clocks/clocks.job';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody, uniquePhone } from '../support/cases';
import { eventually, KafkaProbe } from '../support/kafka-probe';
import { produceAs } from '../support/kafka-principals';
import { testClock } from '../support/test-clock';

type Client = ReturnType<typeof as>;

const LEAD = '110105001';
const CO_UNITS = ['DEPT-URBAN-MANAGEMENT', 'DEPT-URBAN-LAW-ENFORCEMENT', 'DEPT-HOUSING'];
const UTILITY = 'UTIL-POWER';

/**
 * Many writers on the same cases at the same instant (docs/architecture.md, "Lock order"): every
 * action goes through the case-command kernel, so none answers 500, none deadlocks, each case's
 * event sequence stays gapless and every action is recorded once.
 */
describe('concurrent actions on the same cases (real api + worker on PostgreSQL and Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let db: DataSource;
  let agent: Client;
  const deadLetters = new KafkaProbe([deadLetterTopic(TOPICS.unitReplies)]);
  const handlers = new Map<string, Client>();
  const handlerOf = async (unit: string) => {
    if (!handlers.has(unit)) handlers.set(unit, as(http, await tokenFor(http, 'handler', unit)));
    return handlers.get(unit)!;
  };
  /** Warnings the apps log (a deadlock the worker retries would only show here and in the statistics). */
  const warnings: string[] = [];

  const dispatched = async (overrides: Record<string, unknown> = {}) => {
    const c = (await agent.post('/cases', caseBody(overrides)).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: LEAD, coUnitCodes: CO_UNITS }).expect(201);
    return c.id;
  };
  const transferred = async (urgency = 'general') => {
    const call = (
      await agent
        .post('/calls', {
          dialedNumber: '12345',
          callerNumber: uniquePhone(),
          startedAt: testClock.now().toISOString(),
        })
        .expect(201)
    ).body as { id: string; callerNumber: string };
    await agent
      .post(
        '/cases',
        caseBody({
          callId: call.id,
          callerPhone: call.callerNumber,
          demandType: 'help',
          categoryCode: '030202',
          urgency,
        }),
      )
      .expect(201);
    return (await agent.post(`/calls/${call.id}/transfer`, { utilityCode: UTILITY }).expect(201)).body as {
      id: string;
      caseId: string;
    };
  };
  /** A reply from a unit's system through the gateway's shared topic; each its own event id. */
  const reply = (type: string, caseId: string, unitCode: string, data: object = {}) =>
    createCloudEvent({
      time: testClock.now(),
      type,
      source: `/units/${unitCode}`,
      subject: caseId,
      data: { caseId, unitCode, ...data },
    });
  const sendReplies = (events: { id: string; subject?: string }[]) =>
    produceAs(
      'gateway',
      TOPICS.unitReplies,
      events.map((e) => ({ key: e.subject!, value: JSON.stringify(e) })),
    );

  interface StoredEvent {
    id: string;
    case_id: string;
    seq: number;
    type: string;
    actor_unit_code: string | null;
    data: Record<string, unknown>;
  }
  const eventsOf = (caseIds: readonly string[]) =>
    db.query<StoredEvent[]>(
      `SELECT id, case_id, seq, type, actor_unit_code, data FROM case_events WHERE case_id = ANY($1) ORDER BY case_id, seq`,
      [caseIds],
    );
  const count = (events: { type: string }[], type: string) => events.filter((e) => e.type === type).length;

  /** Each case's events are numbered 1, 2, … n, and each has its message in the outbox (one transaction). */
  const expectGaplessTimelines = async (caseIds: readonly string[]) => {
    const events = await eventsOf(caseIds);
    for (const id of caseIds) {
      const seqs = events.filter((e) => e.case_id === id).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const outbox: { event_id: string }[] = await db.query(
      `SELECT event_id FROM outbox WHERE topic = $1 AND message_key = ANY($2)`,
      [TOPICS.cases, caseIds],
    );
    expect(outbox.map((o) => o.event_id).sort()).toEqual(events.map((e) => e.id).sort());
  };
  const expectNoServerErrors = (responses: readonly Response[]) =>
    expect(responses.filter((r) => r.status >= 500).map((r) => r.body)).toEqual([]);
  const deadlocks = async () =>
    Number((await db.query(`SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`))[0].deadlocks);

  beforeAll(async () => {
    for (const level of ['warn', 'error'] as const) {
      const original = Logger.prototype[level];
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: [unknown, ...unknown[]]) {
        warnings.push(args.map(String).join(' '));
        original.apply(this, args);
      });
    }
    ({ app: api, http } = await startApi());
    db = api.get(DataSource);
    await deadLetters.start();
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    await Promise.all([LEAD, ...CO_UNITS, UTILITY].map(handlerOf));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await deadLetters.stop();
    jest.restoreAllMocks();
  });
  afterEach(() => {
    // A 500, a retried consumer or a failed sweep round logs here; a refusal (a dead letter) does not match.
    const failures = warnings.filter((w) => /deadlock|duplicate key| failed|retrying/i.test(w));
    warnings.length = 0;
    expect(failures).toEqual([]);
  });

  it('records each co-handler’s sign and report once while the lead signs, over HTTP and Kafka at once', async () => {
    const caseIds = await Promise.all(Array.from({ length: 4 }, () => dispatched()));
    const [lead, urban, law, housing] = await Promise.all([LEAD, ...CO_UNITS].map(handlerOf));
    const kafkaSigns = caseIds.flatMap((id) => [0, 1].map(() => reply(UNIT_REPLY_TYPES.signed, id, 'DEPT-HOUSING')));

    const sending = sendReplies(kafkaSigns);
    const answers = await Promise.all(
      caseIds.map(async (id) => {
        const [leadSigns, urbanSigns, lawSigns, housingSign, reports] = await Promise.all([
          Promise.all([lead.post(`/cases/${id}/sign`), lead.post(`/cases/${id}/sign`)]),
          Promise.all([urban.post(`/cases/${id}/sign`), urban.post(`/cases/${id}/sign`)]),
          Promise.all([law.post(`/cases/${id}/sign`), law.post(`/cases/${id}/sign`)]),
          housing.post(`/cases/${id}/sign`),
          Promise.all(
            [urban, law, housing].map((co, i) => co.post(`/cases/${id}/co-reports`, { note: `协办意见 ${i}` })),
          ),
        ]);
        return { id, leadSigns, urbanSigns, lawSigns, housingSign, reports };
      }),
    );
    await sending;

    expectNoServerErrors(
      answers.flatMap((a) => [...a.leadSigns, ...a.urbanSigns, ...a.lawSigns, a.housingSign, ...a.reports]),
    );
    for (const a of answers) {
      // Of two identical requests at once, one is recorded and the other told exactly why not.
      expect(a.leadSigns.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(a.leadSigns.find((r) => r.status === 409)!.body.reason).toBe('case.already_signed');
      for (const pair of [a.urbanSigns, a.lawSigns]) {
        expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
        expect(pair.find((r) => r.status === 409)!.body.reason).toBe('order.already_signed');
      }
      expect(a.reports.map((r) => r.status)).toEqual([201, 201, 201]);
    }

    // DEPT-HOUSING signed three times at once, once over HTTP and twice from its own system: one
    // signature stands; each other attempt is refused with order.already_signed (over Kafka: a dead letter).
    for (const a of answers) {
      const refusedOverKafka = a.housingSign.status === 201 ? 2 : 1;
      if (a.housingSign.status !== 201) expect(a.housingSign.body.reason).toBe('order.already_signed');
      const dead = await deadLetters.waitFor((m) => m.json().subject === a.id, refusedOverKafka);
      expect(dead.map((m) => m.headers[DEAD_LETTER_HEADERS.reasonCode])).toEqual(
        Array(refusedOverKafka).fill('order.already_signed'),
      );
    }
    await eventually(async () => {
      const events = await eventsOf(caseIds);
      return count(events, 'co_signed') === caseIds.length * CO_UNITS.length ? true : undefined;
    });
    expect(deadLetters.messages.filter((m) => caseIds.includes(m.json().subject!))).toHaveLength(
      answers.reduce((n, a) => n + (a.housingSign.status === 201 ? 2 : 1), 0),
    );

    const events = await eventsOf(caseIds);
    for (const id of caseIds) {
      const own = events.filter((e) => e.case_id === id);
      expect(count(own, 'signed')).toBe(1);
      expect(
        own
          .filter((e) => e.type === 'co_signed')
          .map((e) => e.actor_unit_code)
          .sort(),
      ).toEqual([...CO_UNITS].sort());
      expect(count(own, 'co_handler_reported')).toBe(CO_UNITS.length);
    }
    const states: { status: string }[] = await db.query(`SELECT status FROM cases WHERE id = ANY($1)`, [caseIds]);
    expect(states.map((s) => s.status)).toEqual(caseIds.map(() => 'signed'));
    const unsigned: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM case_assignments WHERE case_id = ANY($1) AND signed_at IS NULL`,
      [caseIds],
    );
    expect(unsigned[0].n).toBe(0);
    await expectGaplessTimelines(caseIds);
  });

  it('records two identical transfer acknowledgements once — both answered alike, over HTTP and Kafka at once', async () => {
    const transfers = await Promise.all(Array.from({ length: 3 }, () => transferred()));
    const utility = await handlerOf(UTILITY);
    const kafkaAcks = transfers.flatMap((t) =>
      [0, 1].map(() => reply(UNIT_REPLY_TYPES.transferAcknowledged, t.caseId, UTILITY, { transferId: t.id })),
    );

    const [, ...answers] = await Promise.all([
      sendReplies(kafkaAcks),
      ...transfers.map((t) =>
        Promise.all([utility.post(`/transfers/${t.id}/acknowledge`), utility.post(`/transfers/${t.id}/acknowledge`)]),
      ),
    ]);

    expectNoServerErrors(answers.flat());
    for (const [first, second] of answers) {
      // A repeat is a confirmation of the same fact: the same answer, not a refusal (docs/decisions.md).
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body).toMatchObject({ status: 'acknowledged' });
      expect(second.body).toEqual(first.body);
    }
    // The utility's system retried too (new event ids): both replies are applied, neither dead-lettered.
    await eventually(async () => {
      const applied: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM processed_events WHERE consumer = 'unit-replies' AND event_id = ANY($1)`,
        [kafkaAcks.map((e) => e.id)],
      );
      return applied[0].n === kafkaAcks.length ? true : undefined;
    });
    expect(deadLetters.messages.filter((m) => kafkaAcks.some((e) => e.id === m.json().id))).toEqual([]);

    const caseIds = transfers.map((t) => t.caseId);
    const events = await eventsOf(caseIds);
    for (const [i, t] of transfers.entries()) {
      expect(events.filter((e) => e.case_id === t.caseId && e.type === 'transfer_acknowledged')).toHaveLength(1);
      const [row]: { acknowledged_at: Date }[] = await db.query(
        `SELECT acknowledged_at FROM transfers WHERE id = $1 AND status = 'acknowledged'`,
        [t.id],
      );
      expect(row.acknowledged_at.toISOString()).toBe(answers[i][0].body.acknowledgedAt);
      const messages: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM outbox WHERE topic = $1 AND payload->>'type' LIKE '%.transfer.order_acknowledged.v1'
            AND payload->'data'->>'transferId' = $2`,
        [TOPICS.dispatch, t.id],
      );
      expect(messages[0].n).toBe(1);
    }
    const clocks: { status: string }[] = await db.query(
      `SELECT status FROM case_deadlines WHERE case_id = ANY($1) AND kind = 'transfer_ack'`,
      [caseIds],
    );
    expect(clocks.map((c) => c.status)).toEqual(caseIds.map(() => 'met'));
    await expectGaplessTimelines(caseIds);
  });

  it('sweeps due deadlines while units act on the same cases: no deadlock, each breach and warning raised once', async () => {
    const deadlocksBefore = await deadlocks();
    // Emergencies: sign within 30 minutes, respond within 60, resolve within 120; transfers: acknowledge within 30.
    const caseIds = await Promise.all(Array.from({ length: 6 }, () => dispatched({ urgency: 'emergency' })));
    const transfers = await Promise.all(Array.from({ length: 3 }, () => transferred('emergency')));
    const [lead, ...cos] = await Promise.all([LEAD, ...CO_UNITS].map(handlerOf));
    const utility = await handlerOf(UTILITY);
    testClock.advance(50 * MINUTE_MS); // sign and acknowledgement due, response past its warning (45 min)

    const requests: Promise<Response>[] = [
      ...caseIds.flatMap((id) => [
        lead.post(`/cases/${id}/sign`),
        lead.post(`/cases/${id}/respond`, { note: '已联系市民' }),
        ...cos.flatMap((co) => [co.post(`/cases/${id}/sign`), co.post(`/cases/${id}/co-reports`, { note: '已处置' })]),
      ]),
      ...transfers.flatMap((t) => [0, 1].map(() => utility.post(`/transfers/${t.id}/acknowledge`))),
    ].map((request) => request.then((response) => response));
    // Sweep once the actions have reached the database and hold the cases (besides the worker's own
    // loop): three sweeps at once, and a deadlock would reject one of them.
    await Promise.race(requests);
    const clocks = worker.get(ClocksJob);
    const [, actions] = await Promise.all([
      Promise.all([clocks.tick(), clocks.tick(), clocks.tick()]),
      Promise.all(requests),
    ]);

    expectNoServerErrors(actions);
    expect(actions.map((r) => r.status)).toEqual(actions.map(() => 201));

    const allIds = [...caseIds, ...transfers.map((t) => t.caseId)];
    // The worker's own clock loop sweeps as well: wait until every due clock is decided.
    await eventually(async () => {
      const open: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM case_deadlines WHERE case_id = ANY($1) AND status = 'open'
            AND (due_at <= $2 OR (warned_at IS NULL AND warn_at <= $2))`,
        [allIds, testClock.now()],
      );
      return open[0].n === 0 ? true : undefined;
    });
    // Whoever came first — the unit or the sweep — each clock is either met or breached, and raised at most once.
    const deadlines: { case_id: string; kind: string; status: string; warned: boolean }[] = await db.query(
      `SELECT case_id, kind, status, warned_at IS NOT NULL AS warned FROM case_deadlines WHERE case_id = ANY($1)`,
      [allIds],
    );
    const breached = deadlines.filter((d) => d.status === 'breached');
    // Every breach is a supervision trigger; the issuer takes the case's lock too.
    await eventually(async () => {
      const orders: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM supervisions WHERE case_id = ANY($1) AND trigger = 'deadline_missed'`,
        [allIds],
      );
      return orders[0].n === breached.length ? true : undefined;
    });
    const events = await eventsOf(allIds);
    for (const d of deadlines) {
      const raised = (type: string) =>
        events.filter((e) => e.case_id === d.case_id && e.type === type && e.data.kind === d.kind).length;
      expect({ ...d, breaches: raised('sla_breached'), warnings: raised('sla_warning') }).toEqual({
        ...d,
        breaches: d.status === 'breached' ? 1 : 0,
        warnings: d.warned ? 1 : 0,
      });
    }
    expect(breached.length).toBeGreaterThan(0);

    const cases: { status: string; responded: boolean }[] = await db.query(
      `SELECT status, responded_at IS NOT NULL AS responded FROM cases WHERE id = ANY($1)`,
      [caseIds],
    );
    expect(cases).toEqual(caseIds.map(() => ({ status: 'signed', responded: true })));
    for (const id of caseIds) {
      const own = events.filter((e) => e.case_id === id);
      expect([count(own, 'signed'), count(own, 'co_signed'), count(own, 'co_handler_reported')]).toEqual([
        1,
        CO_UNITS.length,
        CO_UNITS.length,
      ]);
    }
    for (const t of transfers) {
      expect(events.filter((e) => e.case_id === t.caseId && e.type === 'transfer_acknowledged')).toHaveLength(1);
    }
    await expectGaplessTimelines(allIds);
    expect(await deadlocks()).toBe(deadlocksBefore);
  });
});
