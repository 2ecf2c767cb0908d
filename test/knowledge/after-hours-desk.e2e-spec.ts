import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DAY_MS } from '@hotline/clock';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { testClock } from '../support/test-clock';

// The desk counts clients by address: believe the test's X-Forwarded-For, one fresh address per client.
process.env.TRUST_PROXY = 'loopback';
const PER_HOUR = 12;
process.env.ASK_PER_CLIENT_PER_HOUR = String(PER_HOUR);

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

/**
 * An address of its own for each client of each run, in IPv6's documentation range: the limits
 * table outlives runs, and 250 IPv4 test addresses let a fresh client land on one a limit test had
 * used up within the hour (a flaky 429).
 */
const newClient = () => {
  const hex = randomUUID().replace(/-/g, '');
  return `203.0.113.7, 2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}::${hex.slice(12, 16)}`;
};

/**
 * The public after-hours desk (docs/api.md, "After-hours answers") on the real api and PostgreSQL:
 * answers without sign-in from published entries in effect, every question kept, a limit per client,
 * and a demand left at 3 a.m. on a holiday that waits for the first working morning.
 */
describe('after-hours desk (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let db: DataSource;
  let supervisor: string;
  let admin: string;
  const written: string[] = [];
  const tag = Array.from(randomUUID().replace(/-/g, '').slice(0, 10), (c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join(
    '',
  );

  const ask = (body: object, client = newClient()) =>
    http().post('/api/v1/ask').set('X-Forwarded-For', client).send(body);
  const asStaff = (token: string) => ({
    get: (path: string) => http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) => http().put(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  async function publish(body: object): Promise<{ id: string; version: number }> {
    const entry = (await asStaff(supervisor).post('/knowledge', body).expect(201)).body as { id: string };
    written.push(entry.id);
    return (await asStaff(supervisor).post(`/knowledge/${entry.id}/publish`).expect(201)).body;
  }
  const entry = (title: string, overrides: object = {}) => ({
    title: `${title} ${tag}`,
    questions: ['暖气片不热找谁'],
    answer: '供暖期内室温低于18℃的，可拨打**供热单位**的报修电话，也可拨打12345反映。',
    kind: 'guide',
    audience: 'citizen',
    categoryCodes: ['030401'],
    ownerUnitCode: 'UTIL-HEATING',
    ...overrides,
  });

  beforeAll(async () => {
    ({ app, http } = await startApi());
    db = app.get(DataSource);
    admin = await adminToken(http);
    supervisor = await tokenFor(http, 'supervisor');
  });
  afterAll(async () => {
    for (const id of written)
      if (supervisor) await asStaff(supervisor).post(`/knowledge/${id}/retire`, { reason: 'test over' });
    await app?.close();
  });

  it('answers without sign-in from the published entry, citing its version, and keeps the question', async () => {
    const heating = await publish(entry('供暖期室温不达标怎样报修'));
    const res = await ask({ question: `半夜家里暖气一点都不热，冻得睡不着 ${tag}` }).expect(200);
    expect(res).toSatisfyApiSpec();
    // The seed's own heating entries may come first: this entry is among the three offered.
    const offered = (
      res.body.answers as { entryId: string; version: number; answer: string; confidence: number }[]
    ).find((a) => a.entryId === heating.id);
    expect(offered).toMatchObject({ version: heating.version, answer: expect.stringContaining('18℃') });
    expect(offered!.confidence).toBeGreaterThan(0);
    expect(typeof res.body.confident).toBe('boolean');

    const kept = await asStaff(supervisor)
      .get(
        `/ask/questions?from=${new Date(testClock.now().getTime() - DAY_MS).toISOString()}&to=${new Date(testClock.now().getTime() + DAY_MS).toISOString()}&limit=1000`,
      )
      .expect(200);
    expect(kept).toSatisfyApiSpec();
    const row = kept.body.items.find((q: { id: string }) => q.id === res.body.questionId);
    expect(row).toMatchObject({ question: expect.stringContaining(tag), helpful: null, demandCaseId: null });
    expect(row.answers).toContainEqual(expect.objectContaining({ entryId: heating.id, version: heating.version }));
    // Nothing about the asker but their words: the table has no column for an address or a phone.
    const columns = await db.query<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'public_questions' ORDER BY column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      'answers',
      'asked_at',
      'audience',
      'confident',
      'demand_case_id',
      'helpful',
      'id',
      'question',
    ]);
    await http().get('/api/v1/ask/questions').expect(401);
  });

  it('offers neither a retired nor an expired entry', async () => {
    const retired = await publish(entry('供热报修电话是多少'));
    await asStaff(supervisor).post(`/knowledge/${retired.id}/retire`, { reason: '号码已变更' }).expect(201);
    const expired = await publish(
      entry('供暖补贴申领', { effectiveFrom: '2020-01-01', effectiveTo: '2021-12-31', reviewBy: '2021-12-31' }),
    );
    const offered = async (question: string) =>
      ((await ask({ question: `${question} ${tag}` }).expect(200)).body.answers as { entryId: string }[]).map(
        (a) => a.entryId,
      );
    expect(await offered('供热报修电话')).not.toContain(retired.id);
    expect(await offered('供暖补贴怎么申领')).not.toContain(expired.id);
  });

  it('limits each client per hour (429 with Retry-After), another client still asks', async () => {
    const client = newClient();
    for (let i = 0; i < PER_HOUR; i++) await ask({ question: `停水了 ${i}` }, client).expect(200);
    const refused = await ask({ question: '停水了' }, client).expect(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'ask.too_many' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await ask({ question: '停水了' }).expect(200);
  });

  it('names bad fields: an empty question, an unknown audience, a demand without a phone', async () => {
    const fields = (res: { body: { errors: { field: string; reason: string }[] } }) =>
      res.body.errors.map((e) => `${e.field}: ${e.reason}`);
    expect(fields(await ask({ question: '' }).expect(400))).toEqual(['question: minLength']);
    expect(fields(await ask({ question: '停水了', audience: 'robot' }).expect(400))).toEqual(['audience: isIn']);
    const { questionId } = (await ask({ question: '停水了' }).expect(200)).body;
    const noPhone = await http()
      .post(`/api/v1/ask/${questionId}/demand`)
      .set('X-Forwarded-For', newClient())
      .send({ districtCode: '110105', address: '建国门外大街1号' })
      .expect(400);
    expect(fields(noPhone)).toContain('phone: isString');
    await http().post(`/api/v1/ask/${randomUUID()}/feedback`).send({ helpful: true }).expect(404);
  });

  // Last: it moves the file's clock years on, to a holiday night.
  it('a demand left at 3 a.m. on a holiday is a web case whose dispatch clock starts the first working morning', async () => {
    // 1–3 October 2031 (Wednesday to Friday) off, then the weekend: the first working hour is Monday 6th, 09:00.
    for (const day of ['2031-10-01', '2031-10-02', '2031-10-03']) {
      await asStaff(admin).put(`/calendar/days/${day}`, { kind: 'holiday', name: '国庆节' }).expect(200);
    }
    testClock.advance(new Date('2031-10-02T03:00:00+08:00').getTime() - testClock.now().getTime());
    const agent = await tokenFor(http, 'agent');
    const client = newClient();

    const asked = (await ask({ question: `我们小区突然停水了，物业也找不到人 ${tag}` }, client).expect(200)).body;
    await http().post(`/api/v1/ask/${asked.questionId}/feedback`).send({ helpful: false }).expect(204);
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const demand = { phone, districtCode: '110105', streetCode: '110105001', address: '建国门外大街1号' };
    const left = await http()
      .post(`/api/v1/ask/${asked.questionId}/demand`)
      .set('X-Forwarded-For', client)
      .send(demand)
      .expect(201);
    expect(left).toSatisfyApiSpec();
    // General urgency: 24 hours to dispatch, counted from Monday 09:00 Beijing time.
    expect(left.body.dispatchDueAt).toBe('2031-10-07T01:00:00.000Z');

    const [row] = await db.query<{ helpful: boolean; demand_case_id: string }[]>(
      `SELECT helpful, demand_case_id FROM public_questions WHERE id = $1`,
      [asked.questionId],
    );
    expect(row).toEqual({ helpful: false, demand_case_id: expect.any(String) });
    const c = (await asStaff(agent).get(`/cases/${row.demand_case_id}`).expect(200)).body;
    expect(c).toMatchObject({
      caseNumber: left.body.caseNumber,
      channel: 'web',
      status: 'registered',
      callerPhone: phone,
      description: expect.stringContaining('停水'),
      registeredAt: expect.stringMatching(/^2031-10-01T19:/),
    });
    expect(c.deadlines.dispatch).toBe('2031-10-07T01:00:00.000Z');

    const again = await http()
      .post(`/api/v1/ask/${asked.questionId}/demand`)
      .set('X-Forwarded-For', client)
      .send(demand);
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('ask.demand_already_left');
  });
});
