import type { NestExpressApplication } from '@nestjs/platform-express';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';

/** The user id a token was issued to (its `sub`), to find that user's rows in the audit trail. */
const userIdOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string }).sub;

describe('every case shown to a unit with its caller is audited: the answers to its own actions and its orders too', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let admin: ReturnType<typeof as>;
  let agent: ReturnType<typeof as>;
  let leadToken: string;
  let coToken: string;

  beforeAll(async () => {
    ({ app, http } = await startApi());
    admin = as(http, await adminToken(http));
    agent = as(http, await tokenFor(http, 'agent'));
    leadToken = await tokenFor(http, 'handler', '110105001');
    coToken = await tokenFor(http, 'handler', 'DEPT-URBAN-MANAGEMENT');
  });
  afterAll(() => app?.close());

  const dispatched = async (overrides: Record<string, unknown> = {}) => {
    const body = caseBody(overrides);
    const c = (await agent.post('/cases', body).expect(201)).body as { id: string };
    await agent
      .post(`/cases/${c.id}/dispatch`, { leadUnitCode: '110105001', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] })
      .expect(201);
    return { id: c.id, callerPhone: body.callerPhone as string };
  };
  const callerReads = async (caseId: string) =>
    (await admin.get(`/audit?action=case.caller_read&entityId=${caseId}`).expect(200)).body.items as {
      actorUserId: string;
      actorRole: string;
      actorUnitCode: string;
    }[];

  it('records the caller shown in the answers to sign and respond, by that user; masked answers record nothing', async () => {
    const c = await dispatched();
    const lead = as(http, leadToken);
    const co = as(http, coToken);

    const signed = (await lead.post(`/cases/${c.id}/sign`).expect(201)).body;
    expect(signed.callerPhone).toBe(c.callerPhone);
    expect(await callerReads(c.id)).toEqual([
      expect.objectContaining({ actorUserId: userIdOf(leadToken), actorRole: 'handler', actorUnitCode: '110105001' }),
    ]);

    // A co-handler sees the phone masked, in its sign and in its report: no identity read.
    expect((await co.post(`/cases/${c.id}/sign`).expect(201)).body.callerPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await co.post(`/cases/${c.id}/co-reports`, { note: '已派执法队' }).expect(201)).body.callerName).toBeNull();

    expect((await lead.post(`/cases/${c.id}/respond`, { note: '已联系市民' }).expect(201)).body.callerPhone).toBe(
      c.callerPhone,
    );
    // Resolved, the lead's orders are done: the answer masks the phone, and records nothing.
    const resolved = (await lead.post(`/cases/${c.id}/resolve`, { outcome: 'solved', reply: '已处理' }).expect(201))
      .body;
    expect(resolved.callerPhone).not.toBe(c.callerPhone);

    const reads = await callerReads(c.id);
    expect(reads).toHaveLength(2); // sign and respond
    expect(new Set(reads.map((r) => r.actorUserId))).toEqual(new Set([userIdOf(leadToken)]));
  });

  it('records the caller sent to the lead’s system on its Kafka inbox; the co-handler’s masked order records nothing', async () => {
    const c = await dispatched();
    const sent = (await admin.get(`/audit?action=case.caller_sent&entityId=${c.id}`).expect(200)).body.items;
    expect(sent).toEqual([
      expect.objectContaining({ actorUserId: null, actorRole: 'unit_system', actorUnitCode: '110105001' }),
    ]);
  });

  it('records nothing for a confidential case, whose caller no unit ever sees', async () => {
    const c = await dispatched({ confidential: true });
    const signed = (await as(http, leadToken).post(`/cases/${c.id}/sign`).expect(201)).body;
    expect([signed.callerPhone, signed.callerName]).toEqual([null, null]);
    expect(await callerReads(c.id)).toEqual([]);
    expect((await admin.get(`/audit?action=case.caller_sent&entityId=${c.id}`).expect(200)).body.total).toBe(0);
  });
});
