import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import { MINUTE_MS } from '@hotline/clock';
import { createCloudEvent, TOPICS } from '@hotline/messaging';
import { Http, startApi, startWorker } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody, uniquePhone } from '../support/cases';
import { eventually } from '../support/kafka-probe';
import { produceAs } from '../support/kafka-principals';
import { testClock } from '../support/test-clock';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
interface AbandonedCall {
  id: string;
  callerNumber: string;
  abandonedAt: string;
  callBackDueAt: string;
  callBackClaimedBy: string | null;
  calledBackAt: string | null;
  callBackOutcome: string | null;
}
interface DueCase {
  id: string;
  claimedBy: string | null;
}
interface Queue {
  items: AbandonedCall[];
  total: number;
  open: number;
  overdue: number;
}

/**
 * Calling back abandoned calls (docs/product.md, "Calling back abandoned calls"): telephony reports a call the
 * caller hung up on; it waits in the queue, due in 30 minutes; one agent claims it, calls back and records the
 * outcome; a later call that got through settles it.
 */
describe('the abandoned-call call-back queue (real api + worker, PostgreSQL, Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let agent: Client;
  let colleague: Client;

  /** A call telephony saw offered and then abandoned by `callerNumber`, `minutesAgo` before now. */
  const abandon = async (callerNumber: string, minutesAgo = 1) => {
    const callId = `cti-${randomUUID()}`;
    const offeredAt = testClock.now().getTime() - minutesAgo * MINUTE_MS;
    const at = (extraSeconds: number) => new Date(offeredAt + extraSeconds * 1000).toISOString();
    const event = (kind: string, seconds: number) =>
      createCloudEvent({
        time: new Date(),
        type: `cn.gov.12345.call.${kind}.v1`,
        source: '/cti',
        data: { callId, dialedNumber: '12345', callerNumber, occurredAt: at(seconds) },
      });
    await produceAs(
      'telephony',
      TOPICS.calls,
      [event('offered', 0), event('abandoned', 20)].map((e) => ({ key: callId, value: JSON.stringify(e) })),
    );
    return { abandonedAt: at(20) };
  };
  const queue = async (client: Client, query = '') =>
    (await client.get(`/calls/abandoned?limit=1000${query}`).expect(200)).body as Queue;
  const queued = (callerNumber: string, query = '') =>
    eventually(async () => (await queue(agent, query)).items.find((c) => c.callerNumber === callerNumber));

  beforeAll(async () => {
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    agent = as(http, await tokenFor(http, 'agent'));
    colleague = as(http, await tokenFor(http, 'agent'));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('queues an abandoned call due in 30 minutes; one agent claims it, calls back and records it once', async () => {
    const caller = uniquePhone();
    const { abandonedAt } = await abandon(caller);
    const call = await queued(caller);
    expect(call.abandonedAt).toBe(abandonedAt);
    expect(new Date(call.callBackDueAt).getTime() - new Date(abandonedAt).getTime()).toBe(30 * MINUTE_MS);
    const page = await agent.get('/calls/abandoned?limit=1000').expect(200);
    expect(page).toSatisfyApiSpec();
    expect(page.body.open).toBeGreaterThanOrEqual(1);

    const claimed = await agent.post(`/calls/${call.id}/claim`).expect(201);
    expect(claimed).toSatisfyApiSpec();
    expect(claimed.body.callBackClaimedBy).toMatch(/^[0-9a-f-]{36}$/);
    const taken = await colleague.post(`/calls/${call.id}/claim`).expect(409);
    expect(taken.body.reason).toBe('call.claimed_by_other');
    await colleague.post(`/calls/${call.id}/call-back`, { outcome: 'reached' }).expect(409);
    expect((await queue(agent, '&claimed=me')).items.map((c) => c.id)).toContain(call.id);
    expect((await queue(colleague, '&claimed=none')).items.map((c) => c.id)).not.toContain(call.id);

    const unknownCase = await agent
      .post(`/calls/${call.id}/call-back`, { outcome: 'reached', caseId: randomUUID() })
      .expect(400);
    expect(unknownCase.body.errors).toEqual([expect.objectContaining({ field: 'caseId', reason: 'unknown_case' })]);
    const bad = await agent.post(`/calls/${call.id}/call-back`, { outcome: 'maybe' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['outcome']);

    const done = await agent.post(`/calls/${call.id}/call-back`, { outcome: 'reached' }).expect(201);
    expect(done.body.callBackOutcome).toBe('reached');
    expect(new Date(done.body.calledBackAt).getTime()).toBeLessThanOrEqual(new Date(call.callBackDueAt).getTime());
    const again = await agent.post(`/calls/${call.id}/call-back`, { outcome: 'unreachable' }).expect(409);
    expect(again.body.reason).toBe('call.already_called_back');
    expect((await queue(agent)).items.map((c) => c.id)).not.toContain(call.id);
    expect((await queue(agent, '&state=done')).items.map((c) => c.id)).toContain(call.id);

    const live = (await agent.get('/kpi/live').expect(200)).body as { callBacks: Record<string, number | null> };
    expect(live.callBacks.abandoned).toBeGreaterThanOrEqual(1);
    expect(live.callBacks.settled).toBeGreaterThanOrEqual(1);
    expect(live.callBacks.inTimeRate).not.toBeNull();
  });

  it('settles a caller’s abandoned call when a later call of theirs gets through', async () => {
    const caller = uniquePhone();
    await abandon(caller);
    const call = await queued(caller);
    await agent
      .post('/calls', { dialedNumber: '12345', callerNumber: caller, startedAt: testClock.now().toISOString() })
      .expect(201);
    const settled = await queued(caller, '&state=done');
    expect(settled).toMatchObject({ id: call.id, callBackOutcome: 'got_through' });
    expect((await queue(agent)).items.map((c) => c.id)).not.toContain(call.id);
  });

  it('calls back only abandoned calls', async () => {
    const answered = await agent
      .post('/calls', { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: testClock.now().toISOString() })
      .expect(201);
    const refused = await agent.post(`/calls/${answered.body.id}/claim`).expect(409);
    expect(refused.body.reason).toBe('call.not_abandoned');
    await agent.post(`/calls/${randomUUID()}/claim`).expect(404);
    await agent.get('/calls/abandoned?state=later').expect(400);
  });

  it('lets one agent at a time claim a case’s callback, and ends the claim with the callback', async () => {
    const street = as(http, await tokenFor(http, 'handler', '110105001'));
    const c = (await agent.post('/cases', caseBody()).expect(201)).body as { id: string };
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001' }).expect(201);
    await street.post(`/cases/${c.id}/sign`).expect(201);
    const early = await agent.post(`/cases/${c.id}/callback/claim`).expect(409);
    expect(early.body.reason).toBe('callback.not_due');
    await street.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已处理' }).expect(201);

    const claim = await agent.post(`/cases/${c.id}/callback/claim`).expect(201);
    expect(claim).toSatisfyApiSpec();
    const dueOf = async (client: Client, query = '') =>
      ((await client.get(`/callbacks/due?limit=1000${query}`).expect(200)).body as { items: DueCase[] }).items;
    expect((await dueOf(agent, '&claimed=me')).map((i) => i.id)).toEqual([c.id]);
    expect((await dueOf(colleague, '&claimed=none')).map((i) => i.id)).not.toContain(c.id);
    expect((await dueOf(colleague)).find((i) => i.id === c.id)?.claimedBy).toBe(claim.body.claimedBy);
    const refused = await colleague
      .post(`/cases/${c.id}/callback`, { reached: true, solved: true, satisfaction: 'satisfied' })
      .expect(409);
    expect(refused.body.reason).toBe('callback.claimed_by_other');
    await colleague.post(`/cases/${c.id}/callback/claim`).expect(409);

    await agent.post(`/cases/${c.id}/callback`, { reached: false }).expect(201); // not reached: due again
    expect((await dueOf(colleague, '&claimed=none')).map((i) => i.id)).toContain(c.id);
    await colleague.post(`/cases/${c.id}/callback/claim`).expect(201);
  });

  // Last: moving the clock dates later calls in the future for every other test of this file.
  it('counts a call back past 30 minutes overdue, and frees a claim an agent left for 10 minutes', async () => {
    const caller = uniquePhone();
    await abandon(caller);
    const call = await queued(caller);
    const first = (await agent.post(`/calls/${call.id}/claim`).expect(201)).body as AbandonedCall;
    const before = await queue(agent);
    testClock.advance(31 * MINUTE_MS);
    const after = await queue(agent);
    expect(after.overdue).toBeGreaterThan(before.overdue);
    const reclaimed = await colleague.post(`/calls/${call.id}/claim`).expect(201);
    expect(reclaimed.body.callBackClaimedBy).not.toBe(first.callBackClaimedBy);
    await colleague.post(`/calls/${call.id}/call-back`, { outcome: 'unreachable' }).expect(201);
  });
});
