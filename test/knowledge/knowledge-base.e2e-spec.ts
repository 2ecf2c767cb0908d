import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import jestOpenAPI from 'jest-openapi';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { DAY_MS } from '@hotline/clock';
import { KnowledgeReadingService, KnowledgeSearchService, KnowledgeService, type RefEntry } from '@hotline/knowledge';
import { Http, startApi } from '../support/apps';
import { adminToken, tokenFor } from '../support/auth';
import { testClock } from '../support/test-clock';

// Answers are checked against the committed openapi.json by a validator nobody here wrote.
jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Entry = { id: string; version: number; currentVersion: number; publishedVersion: number | null };
type Hit = { id: string; version: number; title: string; status: string; snippet: string; score: number };

/**
 * The knowledge base (docs/api.md, "Knowledge base") on the real api and PostgreSQL: versions that
 * never change, publishing, search by the caller's words, who may write what. The test database is
 * shared and kept between runs, so searches look for this file's entries among whatever else is
 * there, and the entries are retired at the end.
 */
describe('knowledge base (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let admin: string;
  let supervisor: string;
  let agent: string;
  let heatingHandler: string;
  let waterHandler: string;
  const written: string[] = [];

  const as = (token: string) => ({
    get: (path: string) => http().get(`/api/v1/knowledge${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      http().post(`/api/v1/knowledge${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      http().patch(`/api/v1/knowledge${path}`).auth(token, { type: 'bearer' }).send(body),
  });

  /**
   * A heating entry whose title ends in `tag`, a word of this test alone: a search for it finds the
   * entry whenever it may be found at all, so "not found" means refused, not crowded out.
   */
  const heating = (tag: string, overrides: object = {}) => ({
    title: `供暖期室温不达标怎样报修 ${tag}`,
    questions: ['供热温度低找谁'],
    answer: '供暖期内室温低于18℃的，可拨打**供热单位**的报修电话，也可拨打12345反映，供热单位应在24小时内上门检测。',
    kind: 'guide',
    audience: 'citizen',
    categoryCodes: ['030401'],
    ownerUnitCode: 'UTIL-HEATING',
    ...overrides,
  });
  const newTag = () =>
    Array.from(randomUUID().replace(/-/g, '').slice(0, 10), (c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join('');

  async function write(token: string, body: object): Promise<Entry> {
    const res = await as(token).post('', body).expect(201);
    expect(res).toSatisfyApiSpec();
    written.push(res.body.id);
    return res.body;
  }

  async function published(body: object): Promise<Entry> {
    const entry = await write(supervisor, body);
    return (await as(supervisor).post(`/${entry.id}/publish`).expect(201)).body;
  }

  async function search(query: string, token = agent): Promise<Hit[]> {
    const res = await as(token).get(`/search?limit=100&${query}`).expect(200);
    expect(res).toSatisfyApiSpec();
    return res.body.items;
  }

  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const ids = (hits: Hit[]) => hits.map((h) => h.id);

  beforeAll(async () => {
    ({ app, http } = await startApi());
    admin = await adminToken(http);
    supervisor = await tokenFor(http, 'supervisor');
    agent = await tokenFor(http, 'agent');
    heatingHandler = await tokenFor(http, 'handler', 'UTIL-HEATING');
    waterHandler = await tokenFor(http, 'handler', 'UTIL-WATER');
  });
  afterAll(async () => {
    // The shared database's searches should not keep finding this run's entries.
    for (const id of written) if (admin) await as(admin).post(`/${id}/retire`, { reason: 'test run over' });
    await app?.close();
  });

  it('keeps every version: an edit is version 2, and version 1 reads as it was', async () => {
    const original = heating(newTag(), { ownerUnitCode: undefined });
    const draft = await write(heatingHandler, original);
    expect(draft).toMatchObject({ status: 'draft', version: 1, currentVersion: 1, publishedVersion: null });
    expect(draft).toMatchObject({ ownerUnitCode: 'UTIL-HEATING', effectiveTo: null, editedBy: expect.any(String) });

    const answer = '室温低于18℃的，请拨打96069。';
    const edited = await as(heatingHandler).patch(`/${draft.id}`, { answer }).expect(200);
    expect(edited).toSatisfyApiSpec();
    expect(edited.body).toMatchObject({ version: 2, currentVersion: 2, publishedVersion: null, title: original.title });

    const first = await as(heatingHandler).get(`/${draft.id}?version=1`).expect(200);
    expect(first).toSatisfyApiSpec();
    expect(first.body).toMatchObject({ version: 1, answer: original.answer, currentVersion: 2 });
    expect((await as(heatingHandler).get(`/${draft.id}`).expect(200)).body).toMatchObject({ version: 2, answer });

    const versions = await as(heatingHandler).get(`/${draft.id}/versions`).expect(200);
    expect(versions).toSatisfyApiSpec();
    expect(versions.body.total).toBe(2);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // An edit that changes nothing (blanks are trimmed) adds no version.
    const same = await as(heatingHandler)
      .patch(`/${draft.id}`, { answer: ` ${answer} ` })
      .expect(200);
    expect(same.body.currentVersion).toBe(2);

    // The database itself refuses to rewrite a version.
    await expect(
      app.get(DataSource).query(`UPDATE knowledge_entry_versions SET title = 'x' WHERE entry_id = $1`, [draft.id]),
    ).rejects.toThrow(/not allowed|permission denied/);
    expect((await as(heatingHandler).get(`/${draft.id}?version=1`).expect(200)).body.title).toBe(original.title);
  });

  it('finds a published entry by the caller’s words: synonyms, word order, traditional characters, typos', async () => {
    // A policy, searched among policies: the shared database holds many heating guides (other files',
    // earlier runs') that share more words with these questions and could fill a page of 100.
    const entry = await published(heating(newTag(), { kind: 'policy' }));
    const policies = (text: string) => `${q(text)}&kind=policy`;
    const fund = await published({
      title: '公积金提取',
      answer: '职工购房、租房或退休时，可以申请支取账户余额。',
      kind: 'procedure',
      audience: 'both',
      categoryCodes: ['130101'],
      ownerUnitCode: 'DEPT-HOUSING-FUND',
    });
    const permit = await published({
      title: '居住证签注',
      answer: '在本市居住半年以上的，可按规定申领居住证，每年签注一次。',
      kind: 'procedure',
      audience: 'citizen',
      ownerUnitCode: '110105001',
    });

    // 暖气 is not in the entry: its synonyms 供暖 and 供热 are. Nor is 热, which may be rarer than the
    // heating words here and choose the entries alone: the heating words then widen the search.
    const synonym = await search(policies('我家暖气不热怎么办'));
    expect(ids(synonym)).toContain(entry.id);
    expect(synonym.find((h) => h.id === entry.id)!.snippet).toMatch(/<mark>(供暖|供热)<\/mark>/);
    expect(ids(await search(policies('报修 室温不达标 供暖期')))).toContain(entry.id);
    expect(ids(await search(policies('暖氣不熱')))).toContain(entry.id);
    expect(ids(await search(q('公积经提取')))).toContain(fund.id);
    // No word of this question is a word of the entry (居/往/证/签/住 alone): the title's characters find it.
    expect(ids(await search(q('居往证签住')))).toContain(permit.id);

    expect(ids(await search(q('噪音扰民')))).not.toContain(entry.id);
    expect(await search(q('请问怎么办呢'))).toEqual([]);
  });

  it('finds entries for the audience, kind and category asked', async () => {
    const tag = newTag();
    const entry = await published(heating(tag, { audience: 'citizen' }));
    const question = q(`暖气不热 ${tag}`);
    expect(ids(await search(`${question}&audience=citizen`))).toContain(entry.id);
    expect(ids(await search(`${question}&audience=enterprise`))).not.toContain(entry.id);
    expect(ids(await search(`${question}&kind=guide`))).toContain(entry.id);
    expect(ids(await search(`${question}&kind=policy`))).not.toContain(entry.id);
    expect(ids(await search(`${question}&categoryCode=03`))).toContain(entry.id);
    expect(ids(await search(`${question}&categoryCode=13`))).not.toContain(entry.id);
  });

  it('finds a draft only for its editors, and only when they ask', async () => {
    const tag = newTag();
    const draft = await write(heatingHandler, heating(tag));
    const question = q(`暖气不热 ${tag}`);
    expect(ids(await search(question))).not.toContain(draft.id);
    expect(ids(await search(question, supervisor))).not.toContain(draft.id);
    const refused = await as(agent).get(`/search?${question}&includeUnpublished=true`).expect(403);
    expect(refused).toSatisfyApiSpec();
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', reason: 'knowledge.editors_only' });

    const forSupervisor = await search(`${question}&includeUnpublished=true`, supervisor);
    expect(forSupervisor.find((h) => h.id === draft.id)).toMatchObject({ status: 'draft', version: 1 });
    expect(ids(await search(`${question}&includeUnpublished=true`, heatingHandler))).toContain(draft.id);
    expect(ids(await search(`${question}&includeUnpublished=true`, waterHandler))).not.toContain(draft.id);

    const hidden = await as(agent).get(`/${draft.id}`).expect(404);
    expect(hidden.body.reason).toBe('knowledge.not_found');
    await as(waterHandler).get(`/${draft.id}/versions`).expect(404);
  });

  it('keeps finding the published version while a handler’s edit waits for a supervisor', async () => {
    const tag = newTag();
    const original = heating(tag);
    const entry = await published(original);
    const title = `供暖期室温不达标怎样报修和投诉 ${tag}`;
    const edit = await as(heatingHandler).patch(`/${entry.id}`, { title }).expect(200);
    expect(edit.body).toMatchObject({ version: 2, currentVersion: 2, publishedVersion: 1, status: 'published' });

    const found = async () => (await search(q(`暖气不热 ${tag}`))).find((h) => h.id === entry.id);
    expect(await found()).toMatchObject({ version: 1, title: original.title });
    expect((await as(agent).get(`/${entry.id}`).expect(200)).body).toMatchObject({ version: 1 });
    await as(agent).get(`/${entry.id}?version=2`).expect(404);

    const publish = await as(supervisor).post(`/${entry.id}/publish`).expect(201);
    expect(publish).toSatisfyApiSpec();
    expect(publish.body).toMatchObject({ version: 2, publishedVersion: 2 });
    expect(await found()).toMatchObject({ version: 2, title });

    const again = await as(supervisor).post(`/${entry.id}/publish`).expect(409);
    expect(again.body.reason).toBe('knowledge.already_published');
    // Going back: version 1 is what agents read again.
    await as(supervisor).post(`/${entry.id}/publish`, { version: 1 }).expect(201);
    expect((await as(agent).get(`/${entry.id}`).expect(200)).body).toMatchObject({ version: 1 });
  });

  it('lets a handler write only their own unit’s entries, and never publish', async () => {
    const entry = await published(heating(newTag()));
    const other = await as(waterHandler).patch(`/${entry.id}`, { title: '供暖报修电话' }).expect(403);
    expect(other).toSatisfyApiSpec();
    expect(other.body).toMatchObject({ code: 'FORBIDDEN', reason: 'knowledge.other_unit' });
    const foreign = await as(waterHandler).post('', heating(newTag())).expect(403);
    expect(foreign.body.reason).toBe('knowledge.other_unit');
    const giveAway = await as(heatingHandler).patch(`/${entry.id}`, { ownerUnitCode: 'UTIL-WATER' }).expect(403);
    expect(giveAway.body.reason).toBe('knowledge.other_unit');

    const publish = await as(heatingHandler).post(`/${entry.id}/publish`).expect(403);
    expect(publish.body.reason).toBe('auth.role_forbidden');
    await as(agent).post('', heating(newTag())).expect(403);
    // A supervisor may hand it to another unit, whose handlers then edit it.
    await as(supervisor).patch(`/${entry.id}`, { ownerUnitCode: 'UTIL-WATER' }).expect(200);
    await as(waterHandler).patch(`/${entry.id}`, { title: '供暖报修电话' }).expect(200);
    await as(heatingHandler).patch(`/${entry.id}`, { title: '供暖报修' }).expect(403);
  });

  it('does not find a retired entry, nor one out of effect', async () => {
    const tag = newTag();
    const question = q(`暖气不热 ${tag}`);
    const entry = await published(heating(tag));
    expect(ids(await search(question))).toContain(entry.id);
    const retired = await as(supervisor).post(`/${entry.id}/retire`, { reason: '并入新条目' }).expect(201);
    expect(retired).toSatisfyApiSpec();
    expect(retired.body.status).toBe('retired');
    expect(ids(await search(question))).not.toContain(entry.id);
    const twice = await as(supervisor).post(`/${entry.id}/retire`).expect(409);
    expect(twice.body.reason).toBe('knowledge.already_retired');
    const edit = await as(supervisor).patch(`/${entry.id}`, { title: '新标题' }).expect(409);
    expect(edit.body.reason).toBe('knowledge.retired');
    // Still readable by id, for the answers that cited it.
    expect((await as(agent).get(`/${entry.id}`).expect(200)).body).toMatchObject({ status: 'retired', version: 1 });

    const year = new Date().getFullYear();
    const expired = await published(heating(tag, { effectiveFrom: '2020-01-01', effectiveTo: '2020-12-31' }));
    const future = await published(heating(tag, { effectiveFrom: `${year + 1}-01-01` }));
    const found = ids(await search(question));
    expect(found).not.toContain(expired.id);
    expect(found).not.toContain(future.id);
    expect(ids(await search(`${question}&includeUnpublished=true`, supervisor))).toEqual(
      expect.arrayContaining([entry.id, expired.id, future.id]),
    );
  });

  it('names each bad field; a three-character title is fine', async () => {
    const fields = (res: { body: { errors: { field: string }[] } }) =>
      [...new Set(res.body.errors.map((e) => e.field))].sort();
    const bad = await as(supervisor)
      .post('', { title: '暖', answer: '', kind: 'rumour', audience: 'everyone', questions: ['好'] })
      .expect(400);
    expect(bad).toSatisfyApiSpec();
    expect(fields(bad)).toEqual(['answer', 'audience', 'kind', 'questions', 'title']);
    const facts = await as(supervisor)
      .post(
        '',
        heating(newTag(), {
          ownerUnitCode: 'NOPE',
          categoryCodes: ['99'],
          effectiveFrom: '2026-03-01',
          effectiveTo: '2026-02-01',
        }),
      )
      .expect(400);
    expect(facts.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'ownerUnitCode', reason: 'unknown_unit' }),
        expect.objectContaining({ field: 'categoryCodes.0', reason: 'unknown_category' }),
        expect.objectContaining({ field: 'effectiveTo', reason: 'before_effective_from' }),
      ]),
    );
    const day = await as(supervisor)
      .post('', heating(newTag(), { effectiveTo: '2026-02-30' }))
      .expect(400);
    expect(day.body.errors).toEqual([expect.objectContaining({ field: 'effectiveTo', reason: 'not_a_date' })]);
    const owner = await as(supervisor)
      .post('', heating(newTag(), { ownerUnitCode: undefined }))
      .expect(400);
    expect(owner.body.errors).toEqual([expect.objectContaining({ field: 'ownerUnitCode', reason: 'required' })]);

    const short = await write(supervisor, heating(newTag(), { title: '供暖费' }));
    expect(short).toMatchObject({ title: '供暖费' });
    const nulled = await as(supervisor).patch(`/${short.id}`, { title: null }).expect(400);
    expect(fields(nulled)).toEqual(['title']);

    const query = await as(agent).get('/search?limit=0&includeUnpublished=yes&audience=both').expect(400);
    expect(fields(query)).toEqual(['audience', 'includeUnpublished', 'limit', 'q']);
    // tsquery syntax in a question is just text.
    await as(agent)
      .get(`/search?${q("a'b\\c & | ! <-> :* ( ) '")}`)
      .expect(200);
    expect((await as(agent).get(`/${randomUUID()}`).expect(404)).body.reason).toBe('knowledge.not_found');
    const version = await as(supervisor).get(`/${short.id}?version=9`).expect(404);
    expect(version.body.reason).toBe('knowledge.version_not_found');
    await as(supervisor).post(`/${short.id}/publish`, { version: 9 }).expect(404);
    expect(fields(await as(agent).get('/not-a-uuid').expect(400))).toEqual(['id']);
  });

  it('replays a create under the same Idempotency-Key, and audits every change', async () => {
    const key = randomUUID();
    const body = heating(newTag(), { ref: `test-${key}` });
    const first = await as(supervisor).post('', body).set('Idempotency-Key', key).expect(201);
    written.push(first.body.id);
    const again = await as(supervisor).post('', body).set('Idempotency-Key', key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const taken = await as(supervisor).post('', body).expect(409);
    expect(taken.body).toMatchObject({ code: 'ALREADY_EXISTS', reason: 'knowledge.ref_exists' });

    await as(supervisor)
      .patch(`/${first.body.id}`, { questions: ['暖气不热给谁打电话'] })
      .expect(200);
    await as(supervisor).post(`/${first.body.id}/publish`).expect(201);
    const audit = await http()
      .get(`/api/v1/audit?entity=knowledge_entry&entityId=${first.body.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(['knowledge.published', 'knowledge.edited', 'knowledge.created']);
    expect(audit.body.items[1]).toMatchObject({ after: { version: 2, changed: ['questions'] } });
  });

  it('serves the seed and importers, case suggestions and citations', async () => {
    const [writing, reading, searching] = [
      app.get(KnowledgeService),
      app.get(KnowledgeReadingService),
      app.get(KnowledgeSearchService),
    ];
    const tag = newTag();
    const imported = { ref: `test-import-${tag}`, ...heating(tag) } as RefEntry;
    const created = await writing.upsertByRef(imported);
    written.push(created.id);
    expect(created).toMatchObject({ version: 1, outcome: 'created' });
    expect(await writing.upsertByRef(imported)).toEqual({ ...created, outcome: 'unchanged' });
    const revised = { ...imported, answer: '暖气不热请拨打96069报修。' };
    const updated = await writing.upsertByRef(revised);
    expect(updated).toEqual({ id: created.id, version: 2, outcome: 'updated' });
    expect((await as(agent).get(`/${created.id}`).expect(200)).body).toMatchObject({
      version: 2,
      publishedVersion: 2,
      editedBy: null,
      ref: imported.ref,
    });

    const suggestions = await searching.findForCase(`小区暖气不热，${tag}`, '030401', 'citizen', 5);
    expect(suggestions[0]).toMatchObject({ id: created.id, version: 2 });
    expect(ids(await searching.findForCase(`暖气不热 ${tag}`, '030401', 'enterprise', 5))).not.toContain(created.id);

    const draft = await write(supervisor, heating(tag));
    const inEffect = await reading.versionsInEffect([created.id, draft.id, randomUUID(), 'not-an-id']);
    expect([...inEffect]).toEqual([[created.id, 2]]);
    expect(await reading.cite([created.id])).toEqual([{ entryId: created.id, version: 2, title: imported.title }]);
    await expect(reading.cite([created.id, draft.id])).rejects.toMatchObject({
      reason: 'knowledge.not_citable',
      message: expect.stringContaining(draft.id),
    });

    // Loaded again days later without an effectiveFrom: the same content, no new version.
    testClock.advance(2 * DAY_MS);
    expect(await writing.upsertByRef(revised)).toEqual({ ...updated, outcome: 'unchanged' });

    await as(supervisor).post(`/${created.id}/retire`).expect(201);
    expect(await writing.upsertByRef({ ...imported, answer: '新的答复' })).toEqual({
      id: created.id,
      version: 2,
      outcome: 'retired',
    });
  });
});
