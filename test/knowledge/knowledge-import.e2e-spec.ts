import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { KnowledgeSearchService, KnowledgeService } from '@hotline/knowledge';
import { importKnowledgeFile } from '../../scripts/db/knowledge/import';
import { seedKnowledge } from '../../scripts/db/knowledge/seed';
import { Http, startApi } from '../support/apps';
import { adminToken } from '../support/auth';

/**
 * The seed and `npm run import:knowledge` (docs/operations.md, "Importing knowledge entries") on the
 * test database: the importer's functions in-process on the real api's KnowledgeService. Entries of
 * this file carry a ref and a word of this run alone, and are retired at the end.
 */
describe('knowledge seed and import (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let http: () => Http;
  let knowledge: KnowledgeService;
  let dir: string;
  const tag = Array.from(randomUUID().replace(/-/g, '').slice(0, 10), (c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join(
    '',
  );
  const agent = { userId: randomUUID(), role: 'agent' as const, unitCode: null };

  const entry = (n: number, overrides: object = {}) => ({
    ref: `import-${tag}-${n}`,
    title: `井盖缺失的报修渠道 ${tag}${n}`,
    questions: ['路上井盖丢了找谁', '马路上的井盖松动了'],
    answer: '道路上的井盖缺失、破损，可拨打12345反映，由**权属单位**维修。',
    kind: 'guide',
    audience: 'citizen',
    categoryCodes: ['010101'],
    ownerUnitCode: 'DEPT-URBAN-LAW-ENFORCEMENT',
    documentNumber: null,
    source: null,
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    reviewBy: null,
    ...overrides,
  });
  const versionsOf = (prefix: string) =>
    app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM knowledge_entry_versions v JOIN knowledge_entries e ON e.id = v.entry_id
          WHERE e.ref LIKE $1`,
        [`${prefix}%`],
      )
      .then((rows: { n: number }[]) => rows[0].n);
  const run = async (file: string) => {
    const reports: string[] = [];
    const summary = await importKnowledgeFile(knowledge, file, { batchSize: 2, report: (m) => reports.push(m) });
    return { summary, reports };
  };

  beforeAll(async () => {
    ({ app, http } = await startApi());
    knowledge = app.get(KnowledgeService);
    dir = mkdtempSync(join(tmpdir(), 'knowledge-import-'));
  });
  afterAll(async () => {
    if (app) {
      const ids: { id: string }[] = await app
        .get(DataSource)
        .query(`SELECT id FROM knowledge_entries WHERE ref LIKE $1 AND status <> 'retired'`, [`import-${tag}-%`]);
      const admin = await adminToken(http);
      for (const { id } of ids) {
        await http().post(`/api/v1/knowledge/${id}/retire`).auth(admin, { type: 'bearer' }).send({ reason: 'test' });
      }
      await app.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the seed again without adding a version (prepare:stack loaded it once already)', async () => {
    const before = await versionsOf('kb-');
    const summary = await seedKnowledge(knowledge);
    expect(summary.created + summary.updated + summary.refused).toBe(0);
    expect(summary.unchanged + summary.retired).toBe(421);
    expect(await versionsOf('kb-')).toBe(before);
  });

  it('imports JSONL: creates, then leaves unchanged, then adds a version only for what changed', async () => {
    const file = join(dir, 'entries.jsonl');
    writeFileSync(file, [entry(1), entry(2), entry(3)].map((e) => JSON.stringify(e)).join('\n') + '\n\n');
    expect((await run(file)).summary).toEqual({ created: 3, updated: 0, unchanged: 0, retired: 0, refused: 0 });
    expect((await run(file)).summary).toEqual({ created: 0, updated: 0, unchanged: 3, retired: 0, refused: 0 });

    writeFileSync(
      file,
      [
        JSON.stringify(entry(1)),
        JSON.stringify(entry(2, { answer: '井盖缺失请拨打12345。' })),
        JSON.stringify(entry(3)),
        '{"ref":',
      ].join('\n'),
    );
    const { summary, reports } = await run(file);
    expect(summary).toEqual({ created: 0, updated: 1, unchanged: 2, retired: 0, refused: 1 });
    expect(reports).toEqual([expect.stringMatching(/^line 4: \(line\) is not JSON/)]);
    expect(await versionsOf(`import-${tag}-2`)).toBe(2);
    expect(await versionsOf(`import-${tag}-1`)).toBe(1);

    const hits = await app
      .get(KnowledgeSearchService)
      .search({ q: `${tag}2 井盖`, audience: 'citizen', limit: 3 }, agent);
    expect(hits.items[0]).toMatchObject({ title: `井盖缺失的报修渠道 ${tag}2`, version: 2, status: 'published' });
  });

  it('imports CSV with a header row and | between list items, reporting a bad line by number and field', async () => {
    const file = join(dir, 'entries.csv');
    const header =
      'ref,title,questions,answer,kind,audience,categoryCodes,ownerUnitCode,documentNumber,source,effectiveFrom,effectiveTo,reviewBy';
    writeFileSync(
      file,
      [
        header,
        `import-${tag}-4,夜间施工噪音 ${tag}4,晚上工地太吵|半夜还在施工,"夜间施工噪音由**住建部门**查处。\n\n夜间22时至次日6时禁止施工。",enforcement,both,010101,DEPT-URBAN-LAW-ENFORCEMENT,,,2024-01-01,,2028-12-31`,
        `import-${tag}-5,广场舞噪音 ${tag}5,,广场舞音响太大可拨打12345反映。,faq,citizen,,DEPT-URBAN-LAW-ENFORCEMENT,,,,,`,
        `import-${tag}-6,坏记录 ${tag}6,,一条种类不对的记录。,rumour,citizen,,DEPT-URBAN-LAW-ENFORCEMENT,,,2024-13-01,,`,
      ].join('\n') + '\n',
    );
    const { summary, reports } = await run(file);
    expect(summary).toEqual({ created: 2, updated: 0, unchanged: 0, retired: 0, refused: 1 });
    // The first record spans lines 2-4 (a quoted answer of three lines): the bad one is on line 6.
    expect(reports).toEqual([
      expect.stringMatching(/^line 6: kind must be one of/),
      expect.stringMatching(/^line 6: effectiveFrom must be a day/),
    ]);

    const hits = await app
      .get(KnowledgeSearchService)
      .search({ q: `工地晚上太吵 ${tag}4`, audience: 'citizen', limit: 3 }, agent);
    expect(hits.items[0]).toMatchObject({ title: `夜间施工噪音 ${tag}4`, audience: 'both' });
    const version: { questions: string[]; effectiveFrom: string }[] = await app.get(DataSource).query(
      `SELECT v.questions, v.effective_from::text AS "effectiveFrom" FROM knowledge_entry_versions v
           JOIN knowledge_entries e ON e.id = v.entry_id WHERE e.ref = $1`,
      [`import-${tag}-4`],
    );
    expect(version).toEqual([{ questions: ['晚上工地太吵', '半夜还在施工'], effectiveFrom: '2024-01-01' }]);
  });
});
