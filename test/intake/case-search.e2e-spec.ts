import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parse } from 'csv-parse/sync';
import jestOpenAPI from 'jest-openapi';
import { DataSource } from 'typeorm';
import { CaseSearchIndexService } from '@hotline/cases';
import { Http, startApi } from '../support/apps';
import { tokenFor } from '../support/auth';
import { as, caseBody, uniquePhone } from '../support/cases';

jestOpenAPI(join(__dirname, '..', '..', 'openapi.json'));

type Client = ReturnType<typeof as>;
type Item = { id: string; caseNumber: string };

const LEAD = '110105001';
const OTHER = '110105002';

/**
 * `GET /cases?q=` on the segmented full-text index (docs/api.md, docs/decisions.md "Case search (issue
 * 12)"): words of the description or address, synonyms included, ranked; a case number exactly; never the
 * caller; a handler within its unit's cases. Real api on PostgreSQL.
 */
describe('case search (real api on PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let agent: Client;
  let lead: Client;
  let other: Client;
  // Only this run's cases: earlier runs left cases with the same words in the test database.
  const since = new Date(Date.now() - 1000).toISOString();
  const marker = randomUUID().slice(0, 6);
  const callerName = '欧阳娜娜';
  const callerPhone = uniquePhone();
  let heating: Item;
  let lamp: Item;
  const ids = (page: { items: Item[] }) => page.items.map((i) => i.id);
  const search = async (client: Client, q: string, extra = '') =>
    (await client.get(`/cases?q=${encodeURIComponent(q)}&from=${encodeURIComponent(since)}${extra}`).expect(200))
      .body as { items: Item[]; total: number };

  beforeAll(async () => {
    ({ app, http } = await startApi());
    agent = as(http, await tokenFor(http, 'agent'));
    lead = as(http, await tokenFor(http, 'handler', LEAD));
    other = as(http, await tokenFor(http, 'handler', OTHER));
    heating = (
      await agent
        .post(
          '/cases',
          caseBody({
            categoryCode: '010102',
            description: `小区暖气一直不热，室内温度只有十四度 ${marker}`,
            address: `朝阳区望京西园四区 ${marker}`,
            callerName,
            callerPhone,
          }),
        )
        .expect(201)
    ).body;
    lamp = (
      await agent
        .post(
          '/cases',
          caseBody({
            categoryCode: '010103',
            description: '楼下路灯坏了，晚上很黑',
            address: `朝阳区建国路88号 ${marker}`,
          }),
        )
        .expect(201)
    ).body;
    await agent.post(`/cases/${heating.id}/dispatch`, { leadUnitCode: LEAD }).expect(201);
  });
  afterAll(() => app?.close());

  it('finds a case by other words for the same thing (供暖 for 暖气), best match first', async () => {
    const res = await agent.get(`/cases?q=${encodeURIComponent('供暖不热')}&from=${encodeURIComponent(since)}`);
    expect(res.status).toBe(200);
    expect(res).toSatisfyApiSpec();
    expect(ids(res.body)).toContain(heating.id);
    expect(ids(res.body)).not.toContain(lamp.id);
    // Traditional characters and filler around the words change nothing.
    expect(ids(await search(agent, '請問暖氣怎麼不熱了'))[0]).toBe(heating.id);
  });

  it('finds a case by a word of its address, combined with the list’s other filters', async () => {
    expect(ids(await search(agent, '望京'))).toEqual([heating.id]);
    // 建国路's 建国 is in other addresses too (建国门外大街): found, ranked below the whole word.
    const road = ids(await search(agent, '建国路'));
    expect(road[0]).toBe(lamp.id);
    expect(road).not.toContain(heating.id);
    expect((await search(agent, '望京', '&categoryCode=010103')).total).toBe(0);
    expect((await search(agent, '望京', '&status=dispatched')).items.map((i) => i.id)).toEqual([heating.id]);
  });

  it('counts every match in total and pages them', async () => {
    const both = await search(agent, marker, '&limit=1');
    expect(both.total).toBe(2);
    expect(both.items).toHaveLength(1);
    const second = await search(agent, marker, '&limit=1&offset=1');
    expect(new Set([...ids(both), ...ids(second)])).toEqual(new Set([heating.id, lamp.id]));
  });

  it('finds a case by its exact number, and only that case', async () => {
    const page = (await agent.get(`/cases?q=${heating.caseNumber}`).expect(200)).body;
    expect(ids(page)).toEqual([heating.id]);
    expect(page.total).toBe(1);
  });

  it('lets a handler find its unit’s case, never another unit’s', async () => {
    expect(ids(await search(lead, '供暖'))).toEqual([heating.id]);
    expect(ids((await lead.get(`/cases?q=${heating.caseNumber}`).expect(200)).body)).toEqual([heating.id]);
    expect((await search(other, '供暖')).total).toBe(0);
    expect((await other.get(`/cases?q=${heating.caseNumber}`).expect(200)).body.total).toBe(0);
    expect((await search(lead, '路灯')).total).toBe(0);
  });

  it('does not find a case by its caller’s phone or name', async () => {
    expect((await search(agent, callerPhone)).total).toBe(0);
    expect((await search(agent, callerName)).total).toBe(0);
    expect((await search(lead, callerPhone)).total).toBe(0);
    // Centre staff look a caller up with the callerPhone filter instead.
    expect(ids((await agent.get(`/cases?callerPhone=${callerPhone}`).expect(200)).body)).toEqual([heating.id]);
  });

  it('gives an empty page for a q of filler alone, not every case', async () => {
    const page = (await agent.get(`/cases?q=${encodeURIComponent('请问怎么了吗')}`).expect(200)).body;
    expect(page).toEqual({ items: [], total: 0 });
  });

  it('refuses a q that is too long with a 400 naming q', async () => {
    const res = await agent.get(`/cases?q=${encodeURIComponent('暖气'.repeat(51))}`).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['q']);
  });

  it('exports the matches as CSV', async () => {
    const res = await agent.get(`/cases?q=${encodeURIComponent('望京')}&from=${encodeURIComponent(since)}&format=csv`);
    expect(res.status).toBe(200);
    const [header, ...rows]: string[][] = parse(res.text.slice(1));
    expect(rows).toHaveLength(1);
    expect(rows[0][header.indexOf('id')]).toBe(heating.id);
  });

  it('finds an old case without a search document by its number only, until the reindex fills it', async () => {
    const db = app.get(DataSource);
    await db.query(`UPDATE cases SET search_document = NULL WHERE id = $1`, [lamp.id]);
    expect((await search(agent, '路灯')).total).toBe(0);
    expect(ids((await agent.get(`/cases?q=${lamp.caseNumber}`).expect(200)).body)).toEqual([lamp.id]);

    const { filled } = await app.get(CaseSearchIndexService).fillMissing({ batchSize: 2 });
    expect(filled).toBeGreaterThanOrEqual(1);
    expect(ids(await search(agent, '路灯'))).toEqual([lamp.id]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM cases WHERE search_document IS NULL`);
    expect(n).toBe(0);
    // Again: nothing left to fill.
    expect((await app.get(CaseSearchIndexService).fillMissing()).filled).toBe(0);
  });
});
