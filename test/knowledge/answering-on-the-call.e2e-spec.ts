import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DAY_MS, localDate } from '@hotline/clock';
import { unitInboxTopic } from '@hotline/messaging';
import { Http, startApi, startWorker } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { as, caseBody } from '../support/cases';
import { eventually } from '../support/kafka-probe';
import { connectUnitSystems, kcat, unitPrincipal } from '../support/kafka-principals';
import { testClock } from '../support/test-clock';
import { testTopic } from '../support/test-topics';

// Answers are checked against the committed openapi.json by a validator nobody here wrote.
jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

const A = '110105001';
const B = '110108001';

type Entry = { id: string; version: number; title: string };
type Flag = { id: string; entryId: string; ownerUnitCode: string; status: string; version: number };
type Live = {
  knowledge: {
    answeredCases: number;
    answeredWithKnowledge: number;
    shareWithKnowledge: number | null;
    mostUsed: { entryId: string; title: string; uses: number }[];
    neverUsed: number;
  };
};

/**
 * Answering on the call (docs/api.md, "Knowledge base"): suggestions beside a case, answers that cite
 * entries at their versions, flags to the owning unit's own Kafka inbox, and the figures — on the
 * real api, worker, PostgreSQL and Kafka. The test database is shared and kept between runs, so each
 * entry carries a word of this run alone, and the entries are retired at the end.
 */
describe('answering on the call (real api, worker, PostgreSQL, Kafka)', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let http: () => Http;
  let admin: ReturnType<typeof as>;
  let supervisor: ReturnType<typeof as>;
  let supervisorToken: string;
  let agent: ReturnType<typeof as>;
  let handlerA: ReturnType<typeof as>;
  let handlerB: ReturnType<typeof as>;
  const written: string[] = [];

  const newTag = () =>
    Array.from(randomUUID().replace(/-/g, '').slice(0, 10), (c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join('');
  const today = () => localDate(testClock.now());

  async function published(tag: string, overrides: object = {}): Promise<Entry> {
    const draft = await supervisor
      .post('/knowledge', {
        title: `供暖期室温不达标怎样报修 ${tag}`,
        questions: ['供热温度低找谁'],
        answer: '供暖期内室温低于18℃的，可拨打**供热单位**的报修电话，供热单位应在24小时内上门检测。',
        kind: 'guide',
        audience: 'citizen',
        categoryCodes: ['030401'],
        ownerUnitCode: A,
        ...overrides,
      })
      .expect(201);
    written.push(draft.body.id);
    return (await supervisor.post(`/knowledge/${draft.body.id}/publish`).expect(201)).body;
  }

  const consultation = async (description: string) =>
    (
      await agent
        // 供热时间: no dispatch rule sends it away on its own (030401 暖气不热 is dispatched automatically).
        .post('/cases', caseBody({ demandType: 'consultation', categoryCode: '030404', description }))
        .expect(201)
    ).body as { id: string };

  const live = async (): Promise<Live> => (await supervisor.get('/kpi/live').expect(200)).body;

  /** kcat as `principal` reading `topic` from the start: the line naming `found`, if any. */
  const kcatLine = (principal: string, topic: string, found: string) => {
    const out = kcat(principal, ['-C', '-t', testTopic(topic), '-o', 'beginning', '-e', '-q', '-f', '%s\n']);
    return { ...out, line: out.stdout.split('\n').find((l) => l.includes(found)) };
  };

  beforeAll(async () => {
    connectUnitSystems(A, B);
    ({ app: api, http } = await startApi());
    worker = await startWorker();
    admin = as(http, await adminToken(http));
    supervisorToken = await tokenFor(http, 'supervisor');
    supervisor = as(http, supervisorToken);
    agent = as(http, await tokenFor(http, 'agent'));
    handlerA = as(http, await tokenFor(http, 'handler', A));
    handlerB = as(http, await tokenFor(http, 'handler', B));
  });
  afterAll(async () => {
    for (const id of written) if (admin) await admin.post(`/knowledge/${id}/retire`, { reason: 'test run over' });
    await worker?.close();
    await api?.close();
  });

  it('suggests the entry for a case worded differently, for the case’s requester', async () => {
    const tag = newTag();
    const entry = await published(tag);
    const c = await consultation(`${tag} 我家暖气不热，屋里特别冷，请问怎么办`);
    const res = await agent.get(`/cases/${c.id}/knowledge-suggestions?limit=100`).expect(200);
    expect(res).toSatisfyApiSpec();
    // Among the first few: seeded entries on heating may rank as high.
    const found = (res.body.items as Entry[]).findIndex((i) => i.id === entry.id);
    expect(found).toBeGreaterThanOrEqual(0);
    expect(found).toBeLessThan(5);
    expect(res.body.items[found]).toMatchObject({ version: entry.version, kind: 'guide', snippet: expect.any(String) });
    expect(res.body.total).toBe(res.body.items.length);

    // An enterprise's case is not offered an entry for citizens only.
    const company = (
      await agent
        .post(
          '/cases',
          caseBody({
            demandType: 'consultation',
            categoryCode: '030404',
            description: `${tag} 公司办公楼暖气不热`,
            requesterKind: 'enterprise',
            company: { name: '北京某某科技有限公司', creditCode: '91110000600037341L' },
          }),
        )
        .expect(201)
    ).body as { id: string };
    const forCompany = await agent.get(`/cases/${company.id}/knowledge-suggestions?limit=100`).expect(200);
    expect(forCompany.body.items.map((i: Entry) => i.id)).not.toContain(entry.id);

    // A handler of a unit the case never went to learns nothing of it.
    await handlerB.get(`/cases/${c.id}/knowledge-suggestions`).expect(403);
  });

  it('records the entries and versions an answer rested on; a later edit leaves the citation as it was', async () => {
    const entry = await published(newTag());
    const c = await consultation('暖气不热找谁');
    const answered = await agent
      .post(`/cases/${c.id}/answer`, { reply: '已告知供热单位报修电话', knowledgeEntryIds: [entry.id] })
      .set('Idempotency-Key', randomUUID())
      .expect(201);
    expect(answered).toSatisfyApiSpec();
    expect(answered.body.status).toBe('answered');

    // Edit and publish: the entry moves on to version 2.
    const edited = await http()
      .patch(`/api/v1/knowledge/${entry.id}`)
      .auth(supervisorToken, { type: 'bearer' })
      .send({ answer: '室温低于18℃的，请拨打96069报修。' })
      .expect(200);
    expect(edited.body.currentVersion).toBe(entry.version + 1);
    await supervisor.post(`/knowledge/${entry.id}/publish`).expect(201);

    const detail = await agent.get(`/cases/${c.id}`).expect(200);
    expect(detail).toSatisfyApiSpec();
    const event = detail.body.timeline.find((e: { type: string }) => e.type === 'answered');
    expect(event.data).toMatchObject({ knowledge: [{ entryId: entry.id, version: entry.version }] });
    const rows = await api
      .get(DataSource)
      .query(`SELECT entry_id, version, cited_by FROM knowledge_citations WHERE case_id = $1`, [c.id]);
    expect(rows).toEqual([{ entry_id: entry.id, version: entry.version, cited_by: expect.any(String) }]);
  });

  it('refuses an answer citing an unknown, unpublished or expired entry, naming knowledgeEntryIds', async () => {
    const c = await consultation('暖气不热找谁');
    const draft = await supervisor
      .post('/knowledge', {
        title: `草稿条目 ${newTag()}`,
        answer: '草稿',
        kind: 'faq',
        audience: 'both',
        ownerUnitCode: A,
      })
      .expect(201);
    written.push(draft.body.id);
    const expired = await published(newTag(), {
      effectiveFrom: localDate(new Date(testClock.now().getTime() - 10 * DAY_MS)),
      effectiveTo: localDate(new Date(testClock.now().getTime() - 2 * DAY_MS)),
    });
    const good = await published(newTag());
    const res = await agent
      .post(`/cases/${c.id}/answer`, {
        reply: '已答复',
        knowledgeEntryIds: [good.id, randomUUID(), draft.body.id, expired.id],
      })
      .expect(400);
    expect(res).toSatisfyApiSpec();
    expect(res.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason])).toEqual([
      ['knowledgeEntryIds.1', 'not_citable'],
      ['knowledgeEntryIds.2', 'not_citable'],
      ['knowledgeEntryIds.3', 'not_citable'],
    ]);
    const malformed = await agent
      .post(`/cases/${c.id}/answer`, { reply: '已答复', knowledgeEntryIds: ['x'] })
      .expect(400);
    expect(malformed.body.errors[0].field).toMatch(/^knowledgeEntryIds/);
    const tooMany = await agent
      .post(`/cases/${c.id}/answer`, { reply: '已答复', knowledgeEntryIds: Array.from({ length: 11 }, randomUUID) })
      .expect(400);
    expect(tooMany.body.errors[0].field).toBe('knowledgeEntryIds');
    // Nothing was answered.
    expect((await agent.get(`/cases/${c.id}`).expect(200)).body.status).toBe('registered');
  });

  it('tells the owning unit of a flag on its own inbox topic, and no other unit', async () => {
    const entry = await published(newTag());
    const res = await agent
      .post(`/knowledge/${entry.id}/flags`, { reason: 'outdated', note: '补贴标准已调整' })
      .set('Idempotency-Key', randomUUID())
      .expect(201);
    expect(res).toSatisfyApiSpec();
    const flag = res.body as Flag;
    expect(flag).toMatchObject({ entryId: entry.id, ownerUnitCode: A, status: 'open', version: entry.version });

    const line = await eventually(async () => kcatLine(unitPrincipal(A), unitInboxTopic(A), flag.id).line);
    const message = JSON.parse(line);
    expect(message).toMatchObject({
      type: 'cn.gov.12345.knowledge.entry_flagged.v1',
      subject: entry.id,
      data: { flagId: flag.id, entryId: entry.id, ownerUnitCode: A, reason: 'outdated', version: entry.version },
    });
    expect(JSON.stringify(message.data)).not.toMatch(/flaggedBy|userId/);
    // Another unit's inbox does not carry it, and A's principal may not read B's inbox.
    expect(kcatLine(unitPrincipal(B), unitInboxTopic(B), flag.id).line).toBeUndefined();
    const intrusion = kcatLine(unitPrincipal(A), unitInboxTopic(B), flag.id);
    expect(intrusion.line).toBeUndefined();
    expect(intrusion.stderr).toMatch(/authoriz|Authoriz|not authorized|TOPIC_AUTHORIZATION/i);
  });

  it('lists flags and entries due for review to the owning unit’s handlers only; they resolve their own', async () => {
    const overdue = await published(newTag(), {
      effectiveFrom: localDate(new Date(testClock.now().getTime() - 30 * DAY_MS)),
      reviewBy: localDate(new Date(testClock.now().getTime() - DAY_MS)),
    });
    const flag = (await agent.post(`/knowledge/${overdue.id}/flags`, { reason: 'wrong' }).expect(201)).body as Flag;

    const own = await handlerA.get('/knowledge/flags?status=open&limit=1000').expect(200);
    expect(own).toSatisfyApiSpec();
    expect(own.body.items.map((f: Flag) => f.id)).toContain(flag.id);
    expect(own.body.items.every((f: Flag) => f.ownerUnitCode === A)).toBe(true);
    const other = await handlerB.get('/knowledge/flags?status=open&limit=1000').expect(200);
    expect(other.body.items.map((f: Flag) => f.id)).not.toContain(flag.id);
    expect(other.body.items.every((f: Flag) => f.ownerUnitCode === B)).toBe(true);
    await handlerB.get(`/knowledge/flags?unitCode=${A}`).expect(403);
    const centre = await supervisor.get(`/knowledge/flags?unitCode=${A}&status=open&limit=1000`).expect(200);
    expect(centre.body.items.map((f: Flag) => f.id)).toContain(flag.id);

    const dueA = await handlerA.get('/knowledge/review-due?limit=1000').expect(200);
    expect(dueA).toSatisfyApiSpec();
    expect(dueA.body.items).toContainEqual(
      expect.objectContaining({ id: overdue.id, ownerUnitCode: A, reviewBy: expect.any(String) }),
    );
    expect(dueA.body.items.every((e: { reviewBy: string }) => e.reviewBy < today())).toBe(true);
    const dueB = await handlerB.get('/knowledge/review-due?limit=1000').expect(200);
    expect(dueB.body.items.map((e: Entry) => e.id)).not.toContain(overdue.id);

    await handlerB.post(`/knowledge/flags/${flag.id}/resolve`, {}).expect(404);
    const resolved = await handlerA
      .post(`/knowledge/flags/${flag.id}/resolve`, { note: '已更正' })
      .set('Idempotency-Key', randomUUID())
      .expect(201);
    expect(resolved).toSatisfyApiSpec();
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '已更正' });
    const again = await handlerA.post(`/knowledge/flags/${flag.id}/resolve`, {}).expect(409);
    expect(again.body.reason).toBe('knowledge.flag_resolved');
    const open = await handlerA.get('/knowledge/flags?status=open&limit=1000').expect(200);
    expect(open.body.items.map((f: Flag) => f.id)).not.toContain(flag.id);
  });

  it('counts answered cases with and without knowledge in the live figures', async () => {
    const before = await live();
    const unused = await published(newTag());
    const afterPublish = await live();
    expect(afterPublish.knowledge.neverUsed).toBe(before.knowledge.neverUsed + 1);

    const plain = await consultation('暖气不热找谁');
    await agent.post(`/cases/${plain.id}/answer`, { reply: '已答复' }).expect(201);
    const cited = await consultation('暖气不热找谁');
    await agent.post(`/cases/${cited.id}/answer`, { reply: '已答复', knowledgeEntryIds: [unused.id] }).expect(201);

    const after = await live();
    expect(after.knowledge.answeredCases).toBe(before.knowledge.answeredCases + 2);
    expect(after.knowledge.answeredWithKnowledge).toBe(before.knowledge.answeredWithKnowledge + 1);
    expect(after.knowledge.shareWithKnowledge).toBeCloseTo(
      after.knowledge.answeredWithKnowledge / after.knowledge.answeredCases,
    );
    expect(after.knowledge.neverUsed).toBe(before.knowledge.neverUsed);
    const uses = after.knowledge.mostUsed.map((m) => m.uses);
    expect(uses).toEqual([...uses].sort((x, y) => y - x));
    expect(after.knowledge.mostUsed.length).toBeLessThanOrEqual(10);
    const mine = after.knowledge.mostUsed.find((m) => m.entryId === unused.id);
    if (mine) expect(mine).toMatchObject({ uses: 1, title: unused.title });
    else expect(after.knowledge.mostUsed).toHaveLength(10); // crowded out by busier entries of earlier runs
  });
});
