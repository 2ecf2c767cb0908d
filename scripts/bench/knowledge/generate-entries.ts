import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Client } from 'pg';
import { IMPORT_COLUMNS, type ImportedEntry } from '@hotline/knowledge';
import { SeededRandom } from '../../simulate/random';

/** What the generator builds entries of: the category tree and the places, as the directory holds them. */
export interface KnowledgeReference {
  /** Level-3 categories with their parents' names. */
  categories: { code: string; name: string; parent: string; top: string }[];
  /** Streets with their district's name, and the district's unit code (an entry's owner). */
  streets: { name: string; district: string; districtCode: string }[];
  departments: string[];
}

export const GENERATOR_SEED = 20_261_202;

const KINDS = ['policy', 'guide', 'responsibility', 'enforcement', 'procedure', 'faq'] as const;
const TITLES: readonly ((c: string, p: string, d: string) => string)[] = [
  (c, p) => `${p}${c}问题的反映渠道`,
  (c, _p, d) => `${d}${c}投诉受理与办理时限`,
  (c, p) => `${c}诉求的处置流程（${p}）`,
  (c, _p, d) => `${d}关于${c}的职责分工`,
  (c, p) => `${p}辖区${c}常见问题解答`,
  (c, _p, d) => `${c}执法检查标准（${d}）`,
  (c, p) => `${p}${c}办理指南`,
  (c, _p, d) => `${d}${c}相关政策说明`,
];
const QUESTIONS: readonly ((c: string, p: string, m: string) => string)[] = [
  (c, p) => `${p}这边${c}的事找谁管`,
  (c) => `${c}能不能打12345投诉`,
  (c, _p, m) => `${m}${c}，多久能处理`,
  (c, p) => `${p}附近${c}一直没人管怎么办`,
  (c) => `反映${c}需要提供什么材料`,
  (c, _p, m) => `${m}，${c}归哪个部门`,
];
const MOODS = ['最近', '这几天', '好几个月了', '晚上', '每天早上', '周末', '一到下雨天', '过年前后'];
const STEPS = [
  '拨打12345热线或通过政务服务网提交诉求',
  '说明具体位置、发生时段和持续时间',
  '如有照片或视频可一并提供',
  '受理后派至属地街道（乡镇）或主管部门',
  '承办单位在规定时限内与诉求人联系',
  '办结后进行回访，诉求人可评价满意度',
  '对处理结果有异议的，可申请复核',
  '涉及执法的，由综合执法队依法查处',
];
const LIMITS = ['24小时内响应', '3个工作日内办结', '5个工作日内答复', '7日内办结并回复', '15个工作日内出具意见'];

/**
 * `count` knowledge entries in the centre's style, deterministic for a seed: title, callers'
 * questions and answer from templates × the level-3 categories (with their 大类/中类) × the streets and
 * districts, owned by the district (or a department), refs `gen-000001`…
 */
export function* generateEntries(
  reference: KnowledgeReference,
  count: number,
  seed = GENERATOR_SEED,
): Generator<ImportedEntry> {
  const random = new SeededRandom(seed);
  for (let i = 0; i < count; i++) {
    const category = random.pick(reference.categories);
    const street = random.pick(reference.streets);
    const place = random.chance(0.5) ? street.name : `${street.district}${street.name}`;
    const title = `${random.pick(TITLES)(category.name, place, street.district)}（${String(i + 1).padStart(6, '0')}）`;
    const questions = Array.from({ length: 1 + Math.floor(random.next() * 3) }, () =>
      random.pick(QUESTIONS)(category.name, street.name, random.pick(MOODS)),
    );
    const steps = Array.from({ length: 3 + Math.floor(random.next() * 3) }, () => random.pick(STEPS));
    const answer =
      `${category.top}（${category.parent}）类诉求中的**${category.name}**，在${street.district}${street.name}` +
      `由属地街道（乡镇）牵头处置，主管部门配合。\n\n**办理方式：**\n` +
      [...new Set(steps)].map((s, n) => `${n + 1}. ${s}`).join('\n') +
      `\n\n一般诉求${random.pick(LIMITS)}。${category.name}涉及${random.pick(reference.categories).name}的，一并反映。`;
    const department = random.chance(0.3);
    yield {
      ref: `gen-${String(i + 1).padStart(6, '0')}`,
      title,
      questions,
      answer,
      kind: random.pick(KINDS),
      audience: random.weighted([
        ['citizen', 6],
        ['enterprise', 1],
        ['both', 3],
      ]),
      categoryCodes: [category.code],
      ownerUnitCode: department ? random.pick(reference.departments) : street.districtCode,
      documentNumber: random.chance(0.3) ? `京政办发〔${2018 + Math.floor(random.next() * 8)}〕${i % 97}号` : null,
      source: random.chance(0.2) ? `${street.district}人民政府网站` : null,
      effectiveFrom: `20${18 + Math.floor(random.next() * 8)}-0${1 + Math.floor(random.next() * 9)}-01`,
      effectiveTo: null,
      reviewBy: random.chance(0.5) ? '2028-12-31' : null,
    };
  }
}

/** The category tree and the places from a prepared database (the directory's seed). */
export async function knowledgeReference(databaseUrl: string): Promise<KnowledgeReference> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const categories = await client.query<KnowledgeReference['categories'][number]>(
      `SELECT c.code, c.name, p.name AS parent, t.name AS top FROM categories c
         JOIN categories p ON p.code = c.parent_code JOIN categories t ON t.code = p.parent_code
        WHERE c.level = 3 ORDER BY c.code`,
    );
    const streets = await client.query<KnowledgeReference['streets'][number]>(
      `SELECT s.name, d.name AS district, d.code AS "districtCode" FROM units s JOIN units d ON d.code = s.parent_code
        WHERE s.kind = 'street' AND s.active ORDER BY s.code`,
    );
    const departments = await client.query<{ code: string }>(
      `SELECT code FROM units WHERE kind = 'department' AND active ORDER BY code`,
    );
    return { categories: categories.rows, streets: streets.rows, departments: departments.rows.map((r) => r.code) };
  } finally {
    await client.end();
  }
}

/**
 * `ts-node scripts/bench/knowledge/generate-entries.ts <count> <out.jsonl|out.csv>`: writes generated
 * entries in the import format (DATABASE_URL: a prepared database to take the directory from).
 */
async function main(): Promise<void> {
  const [countText, out] = process.argv.slice(2);
  if (!countText || !out) throw new Error('usage: generate-entries.ts <count> <out.jsonl|out.csv>');
  const reference = await knowledgeReference(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline');
  const file = createWriteStream(out, 'utf8');
  const csv = out.toLowerCase().endsWith('.csv');
  const { stringify } = await import('csv-stringify/sync');
  const columns = IMPORT_COLUMNS;
  if (csv) file.write(stringify([columns]));
  for (const entry of generateEntries(reference, Number(countText))) {
    const line = csv
      ? stringify([
          columns.map((c) => {
            const v = entry[c];
            return Array.isArray(v) ? v.join('|') : (v ?? '');
          }),
        ])
      : `${JSON.stringify(entry)}\n`;
    if (!file.write(line)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`generate failed: ${error.message}`);
    process.exit(1);
  });
}
