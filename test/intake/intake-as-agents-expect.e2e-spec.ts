import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { Http, startApi } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody, uniquePhone } from '../support/cases';

// Answers are checked against the committed openapi.json by a validator nobody here wrote.
jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

const fieldsOf = (body: { errors?: { field: string; reason: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.reason}`);

/**
 * Intake as a new agent tries it (docs/api.md, "Cases" and "Calls"): the short demands Chinese is
 * made of, callers without a mainland mobile or without any number, an overflow named by the line's
 * number, a return without a reason code, report periods in date-times, and the calls that go to an
 * emergency line or elsewhere. The real api on PostgreSQL.
 */
describe('intake as agents expect it (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let agent: ReturnType<typeof as>;
  let supervisor: ReturnType<typeof as>;
  let street: ReturnType<typeof as>;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    agent = as(http, await tokenFor(http, 'agent'));
    supervisor = as(http, await tokenFor(http, 'supervisor'));
    street = as(http, await tokenFor(http, 'handler', '110105001'));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('registers 停水了 and 没暖气, and refuses a demand of blanks naming the field', async () => {
    for (const description of ['停水了', '没暖气']) {
      const res = await agent.post('/cases', caseBody({ description })).expect(201);
      expect(res).toSatisfyApiSpec();
      expect(res.body.description).toBe(description);
    }
    const blank = await agent.post('/cases', caseBody({ description: ' 　 ' })).expect(400);
    expect(blank).toSatisfyApiSpec();
    expect(fieldsOf(blank.body)).toEqual(['description:too_short']);
  });

  it('registers a caller abroad and a letter without a number, never merging the latter as a repeat', async () => {
    const abroad = await agent.post('/cases', caseBody({ callerPhone: '+852 9123 4567' })).expect(201);
    expect(abroad.body.callerPhone).toBe('+85291234567');

    const letter = caseBody({ channel: 'letter', callerPhone: undefined, description: '反映小区垃圾清运不及时' });
    const first = await agent.post('/cases', letter).expect(201);
    expect(first).toSatisfyApiSpec();
    expect(first.body).toMatchObject({ callerPhone: null, merged: false });
    // The same place and matter again: without a number there is no caller to recognise.
    const second = await agent.post('/cases', { ...letter }).expect(201);
    expect(second.body).toMatchObject({ merged: false, repeatOf: null });
    expect(second.body.id).not.toBe(first.body.id);

    const call = await agent.post('/cases', caseBody({ callerPhone: undefined })).expect(400);
    expect(fieldsOf(call.body)).toEqual(['callerPhone:required']);
    const bad = await agent.post('/cases', caseBody({ channel: 'letter', callerPhone: '+86 238' })).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['callerPhone:citizenPhone']);
    // The database holds the rule too: a call always has its number.
    await expect(
      app.get(DataSource).query(`UPDATE cases SET caller_phone = NULL WHERE id = $1`, [abroad.body.id]),
    ).rejects.toThrow(/ck_cases_phone_call_has_number/);
  });

  it('transfers a call to its utility in one action, registering its demand from the call', async () => {
    const callerNumber = uniquePhone();
    const call = (
      await agent
        .post('/calls', { dialedNumber: '12345', callerNumber, startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    const transfer = { utilityCode: 'UTIL-WATER', summary: '停水了', categoryCode: '030101', districtCode: '110105' };
    const incomplete = await agent.post(`/calls/${call.id}/transfer`, transfer).expect(400);
    expect(fieldsOf(incomplete.body)).toEqual(['address:required']);

    const res = await agent.post(`/calls/${call.id}/transfer`, { ...transfer, address: '建国路88号院' }).expect(201);
    expect(res).toSatisfyApiSpec();
    expect(res.body).toMatchObject({
      callId: call.id,
      utilityCode: 'UTIL-WATER',
      summary: '停水了',
      status: 'pending',
    });
    expect(new Date(res.body.ackDueAt).getTime()).toBeGreaterThan(Date.now());
    const registered = (await agent.get(`/cases/${res.body.caseId}`).expect(200)).body;
    expect(registered).toMatchObject({
      status: 'transferred',
      channel: 'phone',
      demandType: 'help',
      categoryCode: '030101',
      description: '停水了',
      callerPhone: callerNumber,
    });
    expect(registered.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['registered', 'transferred']),
    );

    // Nothing of the demand given for a call without a case: still the conflict it was.
    const bare = (
      await agent
        .post('/calls', { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    const refused = await agent.post(`/calls/${bare.id}/transfer`, { utilityCode: 'UTIL-WATER' }).expect(409);
    expect(refused.body.reason).toBe('call.not_registered');
  });

  it('takes an overflow named by the utility line’s number as that utility', async () => {
    const byNumber = await agent
      .post('/calls', {
        dialedNumber: '12345',
        callerNumber: uniquePhone(),
        startedAt: new Date().toISOString(),
        overflowFrom: '96116',
      })
      .expect(201);
    expect(byNumber).toSatisfyApiSpec();
    expect(byNumber.body).toMatchObject({ overflowFrom: 'UTIL-WATER', sourceHotline: { code: '12345' } });
    const notUtility = await agent
      .post('/calls', {
        dialedNumber: '12345',
        callerNumber: uniquePhone(),
        startedAt: new Date().toISOString(),
        overflowFrom: '12319',
      })
      .expect(400);
    expect(fieldsOf(notUtility.body)).toEqual(['overflowFrom:not_a_utility']);
  });

  it('lets the lead unit return a case with its words alone, recorded as `other`', async () => {
    const c = (await agent.post('/cases', caseBody()).expect(201)).body;
    await agent.post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001' }).expect(201);
    const returned = await street.post(`/cases/${c.id}/return`, { reason: '该地址属于相邻街道' }).expect(201);
    expect(returned).toSatisfyApiSpec();
    expect(returned.body).toMatchObject({ reasonCode: 'other', reason: '该地址属于相邻街道', status: 'pending' });
  });

  it('reads KPI periods given as date-times as the Beijing days they cover', async () => {
    const byDays = await supervisor.get('/kpi/five-rates?from=2026-11-01&to=2026-12-01&groupBy=district').expect(200);
    const byTimes = await supervisor
      .get(
        `/kpi/five-rates?from=${encodeURIComponent('2026-10-31T16:00:00Z')}` +
          `&to=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&groupBy=district`,
      )
      .expect(200);
    expect(byTimes).toSatisfyApiSpec();
    expect(byTimes.body).toEqual(byDays.body);
    const csv = await supervisor
      .get(`/kpi/three-rates?from=2026-11-01T08:00:00%2B08:00&to=2026-11-30T12:00:00Z&format=csv`)
      .expect(200);
    expect(csv.headers['content-disposition']).toContain('three-rates-2026-11-01-2026-12-01-unit.csv');
    const bad = await supervisor.get('/kpi/five-rates?from=yesterday&to=2026-12-01').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['from:matches']);
    const backwards = await supervisor
      .get(`/kpi/five-rates?from=2026-11-01T10:00:00%2B08:00&to=2026-11-01T09:00:00%2B08:00`)
      .expect(400);
    expect(fieldsOf(backwards.body)).toEqual(['to:not_after_from']);
  });

  it('hands an emergency to its line and records a referral, once each, and refuses a crossed target', async () => {
    const call = (
      await agent
        .post('/calls', { dialedNumber: '12345', callerNumber: uniquePhone(), startedAt: new Date().toISOString() })
        .expect(201)
    ).body;
    const fire = { kind: 'emergency_handoff', target: '119', note: '三楼起火，有人被困' };
    const handed = await agent.post(`/calls/${call.id}/outcome`, fire).expect(201);
    expect(handed).toSatisfyApiSpec();
    expect(handed.body).toMatchObject({ callId: call.id, ...fire });
    // Another agent recording the same handoff (no idempotency key) finds the one recorded.
    const again = await supervisor.post(`/calls/${call.id}/outcome`, fire).expect(201);
    expect(again.body.id).toBe(handed.body.id);
    const ambulance = await agent
      .post(`/calls/${call.id}/outcome`, { kind: 'emergency_handoff', target: '120' })
      .expect(201);
    expect(ambulance.body.id).not.toBe(handed.body.id);

    const court = await agent
      .post(`/calls/${call.id}/outcome`, { kind: 'referred_elsewhere', target: 'court', note: '告知向人民法院起诉' })
      .expect(201);
    expect(court.body).toMatchObject({ kind: 'referred_elsewhere', target: 'court' });

    const crossed = await agent
      .post(`/calls/${call.id}/outcome`, { kind: 'referred_elsewhere', target: '110' })
      .expect(400);
    expect(crossed).toSatisfyApiSpec();
    expect(fieldsOf(crossed.body)).toEqual(['target:not_a_target_of_kind']);
    const unknown = await agent.post(`/calls/${call.id}/outcome`, { kind: 'emergency_handoff', target: '999' });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['target:isIn']);
    await agent
      .post('/calls/00000000-0000-4000-8000-000000000000/outcome', { kind: 'emergency_handoff', target: '110' })
      .expect(404);
    await street.post(`/calls/${call.id}/outcome`, fire).expect(403);
  });
});
