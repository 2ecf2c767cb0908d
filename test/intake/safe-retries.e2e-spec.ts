import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { HOUR_MS } from '@hotline/clock';
import { IDEMPOTENCY_KEY_HEADER } from '@hotline/idempotency';
import { createCloudEvent, TOPICS } from '@hotline/messaging';
import { buildOpenApiDocument } from '../../apps/api/src/http/swagger';
import { IdempotencyPurgeJob } from '../../apps/worker/src/idempotency/idempotency-purge.job';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody, uniquePhone } from '../support/cases';
import { eventually } from '../support/kafka-probe';
import { produceAs } from '../support/kafka-principals';
import { testClock } from '../support/test-clock';

// How long a retry waits for the first request under its key before 409 idempotency.in_progress.
const WAIT_MS = 3000;
process.env.IDEMPOTENCY_WAIT_MS = String(WAIT_MS);

const STREET = '110105001';

/**
 * Safe retries (docs/api.md, "Safe retries"): an Idempotency-Key on POST /cases and on every case
 * action, a call id that registers one case at most, and an agent's call and telephony's events
 * that meet on one call row — on the real api and worker, PostgreSQL and Kafka.
 */
describe('safe retries (real api + worker on PostgreSQL and Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let db: DataSource;
  /** The database's owner: sees every session's waits, holds locks the api's requests run into. */
  let owner: Client;
  let agentToken: string;
  let agent: ReturnType<typeof as>;
  let otherAgentToken: string;
  let supervisor: ReturnType<typeof as>;
  let streetToken: string;

  /** POST /api/v1<path> as `token`, with an Idempotency-Key when `key` is given. */
  const post = (token: string, path: string, body: object = {}, key?: string) => {
    const request = http().post(`/api/v1${path}`).auth(token, { type: 'bearer' });
    return (key === undefined ? request : request.set(IDEMPOTENCY_KEY_HEADER, key)).send(body);
  };
  const timelineOf = async (caseId: string) =>
    ((await agent.get(`/cases/${caseId}`).expect(200)).body.timeline as { type: string }[]).map((e) => e.type);
  const takeCall = async (overrides: Record<string, unknown> = {}) =>
    (
      await agent
        .post('/calls', {
          dialedNumber: '12345',
          callerNumber: uniquePhone(),
          startedAt: testClock.now().toISOString(),
          ...overrides,
        })
        .expect(201)
    ).body as { id: string; callerNumber: string; status: string; externalCallId: string | null };
  /** Resolves once `count` database sessions of this test database wait for a lock. */
  const lockWaiters = (count: number) =>
    eventually(async () => {
      const { rows } = await owner.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      const [{ waiting }] = rows;
      return waiting >= count ? true : undefined;
    });
  const liveCalls = async () => (await supervisor.get('/kpi/live').expect(200)).body.calls.total as number;
  const telephony = (callId: string, kind: string, secondsAgo: number, callerNumber: string) =>
    createCloudEvent({
      time: testClock.now(),
      type: `cn.gov.12345.call.${kind}.v1`,
      source: '/cti',
      data: {
        callId,
        dialedNumber: '12345',
        callerNumber,
        occurredAt: new Date(testClock.now().getTime() - secondsAgo * 1000).toISOString(),
      },
    });
  const sendTelephony = (callId: string, events: ReturnType<typeof telephony>[]) =>
    produceAs(
      'telephony',
      TOPICS.calls,
      events.map((e) => ({ key: callId, value: JSON.stringify(e) })),
    );
  const callRows = (externalCallId: string) =>
    db.query<{ id: string; status: string; agent_user_id: string | null; ended_at: Date | null }[]>(
      `SELECT id, status, agent_user_id, ended_at FROM calls WHERE cti_call_id = $1`,
      [externalCallId],
    );

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    db = api.get(DataSource);
    owner = new Client({ connectionString: process.env.DATABASE_URL });
    await owner.connect();
    worker = await startWorker();
    agentToken = await tokenFor(http, 'agent');
    agent = as(http, agentToken);
    otherAgentToken = await tokenFor(http, 'agent');
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    streetToken = await tokenFor(http, 'handler', STREET);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await owner?.end();
  });

  it('documents the Idempotency-Key on every POST under /cases, /calls and /supervisions', () => {
    const paths = buildOpenApiDocument(api).paths as Record<string, Record<string, { parameters?: object[] }>>;
    const actions = Object.entries(paths).filter(
      ([path, ops]) => /^\/api\/v1\/(cases|calls|supervisions)(\/|$)/.test(path) && ops.post,
    );
    expect(actions.map(([path]) => path)).toEqual(
      expect.arrayContaining(['/api/v1/calls', '/api/v1/calls/{id}/transfer', '/api/v1/supervisions/{id}/reply']),
    );
    expect(actions.length).toBeGreaterThanOrEqual(18);
    const without = actions
      .filter(
        ([, ops]) => !(ops.post.parameters ?? []).some((p) => ('name' in p ? p.name : '') === IDEMPOTENCY_KEY_HEADER),
      )
      .map(([path]) => path);
    expect(without).toEqual([]);
  });

  it('five parallel retries of one registration under one key make one case: no repeat call, no supervision', async () => {
    const body = caseBody();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(agentToken, '/cases', body, key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    // Byte for byte the first answer, key order included.
    for (const answer of answers) expect(answer.text).toBe(answers[0].text);
    const id = answers[0].body.id as string;
    expect((await agent.get(`/cases/${id}`).expect(200)).body).toMatchObject({ repeatCount: 0, firstCall: true });
    expect(await timelineOf(id)).toEqual(['registered']);
    expect((await supervisor.get(`/supervisions?caseId=${id}`).expect(200)).body.total).toBe(0);
  });

  it('replays the first answer to the same request, refuses the key for another, and keeps keys per user', async () => {
    const body = caseBody();
    const key = randomUUID();
    const first = await post(agentToken, '/cases', body, key).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // The same body with its fields in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post(agentToken, '/cases', reordered, key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);

    const other = await post(agentToken, '/cases', { ...body, description: '另一件事：路灯不亮了' }, key).expect(422);
    expect(other.body).toMatchObject({
      statusCode: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      reason: 'idempotency.key_reused',
      requestId: expect.any(String),
    });
    await post(agentToken, `/cases/${first.body.id}/dispatch`, {}, key).expect(422);

    const otherUsers = await post(otherAgentToken, '/cases', caseBody(), key).expect(201);
    expect(otherUsers.headers['idempotent-replayed']).toBeUndefined();
    expect(otherUsers.body.id).not.toBe(first.body.id);

    // What the key prevented: without it, the same demand again is a repeat call.
    const repeat = await post(agentToken, '/cases', body).expect(201);
    expect(repeat.body).toMatchObject({ id: first.body.id, merged: true, repeatCount: 1 });
  });

  it('replays a case action retried with its key: signed once; a refusal is replayed too', async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);

    const resolveKey = randomUUID();
    const resolve = { outcome: 'solved', reply: '已清理占道商贩' };
    const early = await post(streetToken, `/cases/${c.id}/resolve`, resolve, resolveKey).expect(409);
    expect(early.body.reason).toBe('case.not_signed');

    const signKey = randomUUID();
    const signed = await post(streetToken, `/cases/${c.id}/sign`, {}, signKey).expect(201);
    const again = await post(streetToken, `/cases/${c.id}/sign`, {}, signKey).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(signed.text);
    expect((await post(streetToken, `/cases/${c.id}/sign`).expect(409)).body.reason).toBe('case.already_signed');

    // The same key is the same attempt, refused as it was; a new attempt takes a new key.
    const replayedRefusal = await post(streetToken, `/cases/${c.id}/resolve`, resolve, resolveKey).expect(409);
    expect(replayedRefusal.headers['idempotent-replayed']).toBe('true');
    expect(replayedRefusal.text).toBe(early.text);
    await post(streetToken, `/cases/${c.id}/resolve`, resolve, randomUUID()).expect(201);

    expect((await timelineOf(c.id)).filter((t) => t === 'signed' || t === 'resolved')).toEqual(['signed', 'resolved']);
  });

  it('a replayed answer that shows the unit its caller is audited as a read, like the first', async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    const key = randomUUID();
    const signed = await post(streetToken, `/cases/${c.id}/sign`, {}, key).expect(201);
    expect(signed.body.callerPhone).toMatch(/^\d{11}$/);
    const replayed = await post(streetToken, `/cases/${c.id}/sign`, {}, key).expect(201);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    const reads = await db.query<{ actor_unit_code: string }[]>(
      `SELECT actor_unit_code FROM audit_log WHERE action = 'case.caller_read' AND entity_id = $1`,
      [c.id],
    );
    expect(reads.map((r) => r.actor_unit_code)).toEqual([STREET, STREET]);
  });

  it('takes a call and transfers it once under a key each; a supervision reply retried is one reply', async () => {
    const callBody = { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: testClock.now().toISOString() };
    const callKey = randomUUID();
    const taken = await post(agentToken, '/calls', callBody, callKey).expect(201);
    const again = await post(agentToken, '/calls', callBody, callKey).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(taken.body.id);
    const calls = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM calls WHERE caller_number = $1`,
      [callBody.callerNumber],
    );
    expect(calls[0].count).toBe(1);

    const c = (
      await agent.post('/cases', caseBody({ callId: taken.body.id, callerPhone: callBody.callerNumber })).expect(201)
    ).body as { id: string };
    const transferKey = randomUUID();
    const transfer = { utilityCode: 'UTIL-WATER' };
    const first = await post(agentToken, `/calls/${taken.body.id}/transfer`, transfer, transferKey).expect(201);
    const retried = await post(agentToken, `/calls/${taken.body.id}/transfer`, transfer, transferKey).expect(201);
    expect(retried.text).toBe(first.text);
    expect(await timelineOf(c.id)).toEqual(['registered', 'transferred']);

    const other = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${other.id}/dispatch`, { leadUnitCode: STREET }).expect(201);
    const order = (
      await supervisor.post(`/cases/${other.id}/supervisions`, { level: 'urge', note: '请尽快处理' }).expect(201)
    ).body as { id: string };
    const replyKey = randomUUID();
    await post(streetToken, `/supervisions/${order.id}/reply`, { note: '已安排人员' }, replyKey).expect(201);
    const replay = await post(streetToken, `/supervisions/${order.id}/reply`, { note: '已安排人员' }, replyKey).expect(
      201,
    );
    expect(replay.headers['idempotent-replayed']).toBe('true');
    // Without the key, a second reply to an answered order is refused: the key is what made the retry safe.
    expect(
      (await post(streetToken, `/supervisions/${order.id}/reply`, { note: '已安排人员' }).expect(409)).body.reason,
    ).toMatch(/^supervision\./);
  });

  it('names the header when a key is empty, too long, not printable ASCII or sent twice', async () => {
    const refused = async (key: string | string[]) => {
      const request = http()
        .post('/api/v1/cases')
        .auth(agentToken, { type: 'bearer' })
        // An array sends the header once per value (superagent types that for Cookie only).
        .set(IDEMPOTENCY_KEY_HEADER, key as string);
      const res = await request.send(caseBody()).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'input.invalid' });
      return res.body.errors.map((e: { field: string; reason: string }) => `${e.field}: ${e.reason}`);
    };
    expect(await refused('')).toEqual(['Idempotency-Key: isNotEmpty']);
    expect(await refused('k'.repeat(256))).toEqual(['Idempotency-Key: maxLength']);
    expect(await refused('clé-1')).toEqual(['Idempotency-Key: printable_ascii']);
    expect(await refused(['a', 'b'])).toEqual(['Idempotency-Key: repeated']);
    await post(agentToken, '/cases', caseBody(), 'k'.repeat(255)).expect(201);
  });

  it('a retry while the first request runs waits for it and replays it; past the wait it answers 409', async () => {
    // Hold the call's row lock, so the registration that names it stays in flight.
    const holdCall = async (callId: string) => {
      const holder = new Client({ connectionString: process.env.DATABASE_URL });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM calls WHERE id = $1 FOR UPDATE`, [callId]);
      return () => holder.end();
    };

    const call = await takeCall();
    const body = caseBody({ callId: call.id, callerPhone: call.callerNumber });
    const key = randomUUID();
    let release = await holdCall(call.id);
    const first = post(agentToken, '/cases', body, key).then((r) => r);
    await lockWaiters(1);
    const retry = post(agentToken, '/cases', body, key).then((r) => r);
    await lockWaiters(2);
    await release();
    const [a, b] = await Promise.all([first, retry]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.text).toBe(a.text);
    expect(b.headers['idempotent-replayed']).toBe('true');

    const slow = await takeCall();
    const slowBody = caseBody({ callId: slow.id, callerPhone: slow.callerNumber });
    const slowKey = randomUUID();
    release = await holdCall(slow.id);
    const stuck = post(agentToken, '/cases', slowBody, slowKey).then((r) => r);
    await lockWaiters(1);
    const started = Date.now();
    const busy = await post(agentToken, '/cases', slowBody, slowKey).expect(409);
    expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 100);
    expect(busy.body).toMatchObject({ code: 'REQUEST_IN_PROGRESS', reason: 'idempotency.in_progress' });
    expect(busy.headers['retry-after']).toBe('1');
    await release();
    const done = await stuck;
    expect(done.status).toBe(201);
    const later = await post(agentToken, '/cases', slowBody, slowKey).expect(201);
    expect(later.body.id).toBe(done.body.id);
    expect(await timelineOf(done.body.id as string)).toEqual(['registered']);
  });

  it('a call id registers one case: the same callId again answers that case, with no repeat and no event', async () => {
    const call = await takeCall();
    const body = caseBody({ callId: call.id, callerPhone: call.callerNumber });
    const first = (await agent.post('/cases', body).expect(201)).body;
    expect(first).toMatchObject({ merged: false, existing: false, repeatCount: 0 });
    const retried = (await agent.post('/cases', body).expect(201)).body;
    expect(retried).toMatchObject({ id: first.id, merged: false, existing: true, repeatCount: 0, repeatOf: null });
    const forced = (await agent.post('/cases', { ...body, forceNew: true }).expect(201)).body;
    expect(forced).toMatchObject({ id: first.id, existing: true });
    expect(await timelineOf(first.id as string)).toEqual(['registered']);
    const cases = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM cases WHERE call_id = $1`, [
      call.id,
    ]);
    expect(cases[0].count).toBe(1);
  });

  it('an agent’s call and telephony’s later events for the same externalCallId are one call, counted once', async () => {
    const before = await liveCalls();
    const externalCallId = `cti-${randomUUID()}`;
    const taken = await takeCall({ externalCallId });
    expect(taken).toMatchObject({ externalCallId, status: 'answered' });
    expect((await takeCall({ externalCallId, callerNumber: taken.callerNumber })).id).toBe(taken.id);

    await sendTelephony(externalCallId, [
      telephony(externalCallId, 'offered', 40, taken.callerNumber),
      telephony(externalCallId, 'answered', 35, taken.callerNumber),
      telephony(externalCallId, 'ended', 0, taken.callerNumber),
    ]);
    const rows = await eventually(async () => {
      const found = await callRows(externalCallId);
      return found.some((r) => r.ended_at) ? found : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: taken.id, status: 'ended', agent_user_id: expect.any(String) });
    expect((await liveCalls()) - before).toBe(1);
  });

  it('telephony’s events first, then the agent’s call with that externalCallId: one call, counted once', async () => {
    const before = await liveCalls();
    const externalCallId = `cti-${randomUUID()}`;
    const callerNumber = uniquePhone();
    await sendTelephony(externalCallId, [telephony(externalCallId, 'offered', 20, callerNumber)]);
    const [reported] = await eventually(async () => {
      const found = await callRows(externalCallId);
      return found.length > 0 ? found : undefined;
    });
    expect(reported).toMatchObject({ status: 'offered', agent_user_id: null });

    const taken = await takeCall({ externalCallId, callerNumber });
    expect(taken).toMatchObject({ id: reported.id, externalCallId, status: 'answered' });
    const rows = await callRows(externalCallId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: reported.id, status: 'answered', agent_user_id: expect.any(String) });
    expect((await liveCalls()) - before).toBe(1);
  });

  it('names a bad externalCallId', async () => {
    const bad = async (externalCallId: unknown) =>
      (
        await agent
          .post('/calls', {
            dialedNumber: '12345',
            callerNumber: uniquePhone(),
            startedAt: testClock.now().toISOString(),
            externalCallId,
          })
          .expect(400)
      ).body.errors.map((e: { field: string; reason: string }) => `${e.field}: ${e.reason}`);
    expect(await bad('has space')).toEqual(['externalCallId: matches']);
    expect(await bad('呼叫-1')).toEqual(['externalCallId: matches']);
    expect(await bad('x'.repeat(101))).toEqual(['externalCallId: maxLength']);
    expect(await bad('')).toEqual(['externalCallId: minLength']);
  });

  // Last: it moves the file's clock a day on.
  it('forgets answers after IDEMPOTENCY_RETENTION_HOURS: an expired key is free again, and the worker purges it', async () => {
    const reused = randomUUID();
    const forgotten = randomUUID();
    const first = await post(agentToken, '/cases', caseBody(), reused).expect(201);
    await post(agentToken, '/cases', caseBody(), forgotten).expect(201);
    testClock.advance(25 * HOUR_MS);

    const fresh = await post(agentToken, '/cases', caseBody(), reused).expect(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(fresh.body.id).not.toBe(first.body.id);

    await worker.get(IdempotencyPurgeJob).purge();
    const kept = await db.query<{ idempotency_key: string }[]>(
      `SELECT idempotency_key FROM idempotency_keys WHERE idempotency_key = ANY($1)`,
      [[reused, forgotten]],
    );
    expect(kept.map((k) => k.idempotency_key)).toEqual([reused]);
  });
});
