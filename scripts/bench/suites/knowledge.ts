import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Asker, KnowledgeSearchService } from '@hotline/knowledge';
import { queryTerms } from '@hotline/text-search';
import { KNOWLEDGE_TOOLS_APPLICATION, withKnowledge } from '../../db/knowledge/context';
import { ensureKnowledgeDataset, knowledgeBenchDatabaseUrl, recreateDatabase } from '../knowledge/dataset';
import { backendsCpuMeter } from '../cpu';
import { figure, Figure } from '../report';
import { latencyHistogram } from '../in-process';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRIES = Number(process.env.BENCH_KNOWLEDGE_ENTRIES ?? 200_000);
const CONCURRENCY = 20;
const SEARCHES = Number(process.env.BENCH_KNOWLEDGE_SEARCHES ?? 2000);
const BASELINE_SEARCHES = Number(process.env.BENCH_KNOWLEDGE_BASELINE_SEARCHES ?? 20);
const AGENT = { userId: '00000000-0000-4000-8000-000000000000', role: 'agent' as const, unitCode: null };

interface HeldOut {
  question: string;
  expectedRef: string;
  audience: Asker;
}

/**
 * `npm run bench -- knowledge`: the knowledge base's answer quality and search speed, each beside a
 * plain substring baseline in the same run. The parts are exported so other figures (case search)
 * can join the suite: `KNOWLEDGE_SUITE_PARTS.push(…)`.
 */
export const KNOWLEDGE_SUITE_PARTS: (() => Promise<Figure[]>)[] = [benchKnowledgeQuality, benchKnowledgeSpeed];

export async function benchKnowledge(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const part of KNOWLEDGE_SUITE_PARTS) figures.push(...(await part()));
  return figures;
}

export function heldOutQuestions(): HeldOut[] {
  return readFileSync(join(ROOT, 'bench', 'knowledge', 'held-out-questions.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HeldOut);
}

/**
 * The 449 held-out questions (worded as callers word them, written apart from the seed and never read
 * by the search's code) over the 421 seed entries, loaded by prepare:stack into a fresh database:
 * KnowledgeSearchService (audience as given, limit 3) beside a substring baseline.
 */
export async function benchKnowledgeQuality(): Promise<Figure[]> {
  const databaseUrl = knowledgeBenchDatabaseUrl('hotline_knowledge_bench');
  await recreateDatabase(databaseUrl);
  const questions = heldOutQuestions();
  process.env.DATABASE_URL = databaseUrl;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  try {
    const refOf = new Map(
      (await pool.query<{ id: string; ref: string }>(`SELECT id, ref FROM knowledge_entries`)).rows.map((r) => [
        r.id,
        r.ref,
      ]),
    );
    const found = await withKnowledge(({ search }) => answersOf(search, questions, refOf));
    const baseline = await sequential(questions, (q) => substringBaseline(pool, q.question, q.audience));
    const rate = (answers: string[][], within: number) => hitRate(questions, answers, within);
    const rank = (refs: string[], q: HeldOut) => refs.indexOf(q.expectedRef);
    const misses = questions
      .map((q, i) => ({ q, got: found[i], at: rank(found[i], q) }))
      .filter((m) => m.at !== 0)
      .sort((a, b) => (b.at === -1 ? 9 : b.at) - (a.at === -1 ? 9 : a.at));
    console.log(`knowledge quality: ${misses.length} questions not answered first; the 20 worst:`);
    for (const m of misses.slice(0, 20)) {
      console.log(
        `  ${m.q.expectedRef} (${m.at === -1 ? 'not in top 3' : `#${m.at + 1}`}) ← ${m.q.question} → ${m.got.join(', ')}`,
      );
    }
    const note =
      `${questions.length} held-out questions over the ${refOf.size} seed entries, KnowledgeSearchService in-process ` +
      `(audience as given, limit 3); baseline: entries ranked by how many of the question's distinct character ` +
      `bigrams occur in their title or questions (ILIKE '%bigram%'), same audience filter`;
    return [
      figure('knowledge answer top-1 hit rate', rate(found, 1), '%', rate(baseline, 1), '≥ 75%', note),
      figure('knowledge answer top-3 hit rate', rate(found, 3), '%', rate(baseline, 3), '≥ 90%'),
    ];
  } finally {
    await pool.end();
  }
}

/** The refs of the top 3 entries found for each held-out question, in order. */
function answersOf(search: KnowledgeSearchService, questions: HeldOut[], refOf: Map<string, string>) {
  return sequential(questions, async (q) =>
    (await search.search({ q: q.question, audience: q.audience, limit: 3 }, AGENT)).items.map(
      (hit) => refOf.get(hit.id) ?? hit.id,
    ),
  );
}

/** % of questions whose expected entry is among the first `within` answers. */
function hitRate(questions: HeldOut[], answers: string[][], within: number): number {
  const hits = answers.filter((refs, i) => {
    const at = refs.indexOf(questions[i].expectedRef);
    return at >= 0 && at < within;
  });
  return (100 * hits.length) / questions.length;
}

/** The baseline of the quality figures: character bigrams of the question found as substrings, counted. */
async function substringBaseline(pool: Pool, question: string, audience: Asker): Promise<string[]> {
  const han = question.replace(/[^\p{L}\p{N}]/gu, ' ');
  const bigrams = [...new Set(han.split(/\s+/).flatMap((run) => [...run].slice(1).map((c, i) => [...run][i] + c)))];
  const { rows } = await pool.query<{ ref: string }>(
    `SELECT e.ref, (SELECT count(*) FROM unnest($1::text[]) g
                     WHERE v.title || ' ' || array_to_string(v.questions, ' ') ILIKE '%' || g || '%') AS score
       FROM knowledge_entries e JOIN knowledge_entry_versions v ON v.entry_id = e.id AND v.version = e.published_version
      WHERE e.status = 'published' AND v.audience = ANY($2::text[])
      ORDER BY score DESC, e.id LIMIT 3`,
    [bigrams, [audience, 'both']],
  );
  return rows.map((r) => r.ref);
}

/**
 * `knowledge/search` at 20 concurrent searches over the seed and 200,000 generated entries, through
 * KnowledgeSearchService in-process (its pool of DATABASE_POOL_SIZE connections): the held-out
 * questions (long, colloquial) and short keyword queries (a category and a place) in turn; beside an
 * ILIKE '%term%' scan over the same published versions at the same concurrency.
 */
export async function benchKnowledgeSpeed(): Promise<Figure[]> {
  const dataset = await ensureKnowledgeDataset(ENTRIES);
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: CONCURRENCY });
  try {
    const keywords = (
      await pool.query<{ q: string }>(
        `SELECT c.name || ' ' || u.name AS q FROM categories c, units u
          WHERE c.level = 3 AND u.kind = 'street' ORDER BY md5(c.code || u.code) LIMIT 400`,
      )
    ).rows.map((r) => r.q);
    const held = heldOutQuestions();
    const mix = Array.from({ length: SEARCHES }, (_, i): { q: string; audience: Asker } =>
      i % 2 === 0
        ? { q: held[(i / 2) % held.length].question, audience: held[(i / 2) % held.length].audience }
        : { q: keywords[i % keywords.length], audience: 'citizen' },
    );
    const rows = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM knowledge_entries`)).rows[0].n);
    process.env.DATABASE_URL = dataset.databaseUrl;
    let cpu = { bench: 0, postgres: 0 };
    let answers: string[][] = [];
    const refOf = new Map(
      (
        await pool.query<{ id: string; ref: string }>(`SELECT id, ref FROM knowledge_entries WHERE ref LIKE 'kb-%'`)
      ).rows.map((r) => [r.id, r.ref]),
    );
    const service = await withKnowledge(async ({ search }) => {
      answers = await answersOf(search, held, refOf);
      return timeConcurrently(
        mix,
        (m) => serviceSearch(search, m.q, m.audience),
        async () => {
          const postgres = await backendsCpuMeter(pool, KNOWLEDGE_TOOLS_APPLICATION);
          const bench = process.cpuUsage();
          return () => {
            const used = process.cpuUsage(bench);
            cpu = { bench: (used.user + used.system) / 1000, postgres: postgres() };
          };
        },
      );
    });
    const terms = mix.slice(0, BASELINE_SEARCHES).map((m) => ({ terms: queryTerms(m.q), audience: m.audience }));
    const scan = await timeConcurrently(terms, (t) => ilikeScan(pool, t.terms, t.audience));
    const note =
      `${rows.toLocaleString('en')} entries (the seed + generated), ${SEARCHES} searches at ${CONCURRENCY} concurrent through ` +
      `KnowledgeSearchService in-process, half held-out questions, half "category place" keywords, limit 3; ` +
      `baseline: ${BASELINE_SEARCHES} of the same queries as an ILIKE '%term%' scan of title and answer ranked by terms matched` +
      (dataset.loadSeconds === null ? '' : `; loaded in ${Math.round(dataset.loadSeconds)} s through the bulk upsert`);
    const perSearch = (ms: number) => ms / mix.length;
    return [
      figure('knowledge/search p50 at 20 concurrent', service.p50, 'ms', scan.p50, 'informative', note),
      figure('knowledge/search p95 at 20 concurrent', service.p95, 'ms', scan.p95, '≤ 20 ms'),
      figure(
        'knowledge/search throughput at 20 concurrent',
        service.perSecond,
        'searches/s',
        scan.perSecond,
        'informative',
      ),
      figure(
        `knowledge answer top-1 hit rate among ${rows.toLocaleString('en')} entries`,
        hitRate(held, answers, 1),
        '%',
        null,
        'informative',
        `the ${held.length} held-out questions over the seed's entries mixed into the generated ones (as the quality figures, limit 3)`,
      ),
      figure(
        `knowledge answer top-3 hit rate among ${rows.toLocaleString('en')} entries`,
        hitRate(held, answers, 3),
        '%',
        null,
        'informative',
      ),
      figure(
        'knowledge/search CPU per search: PostgreSQL',
        perSearch(cpu.postgres),
        'ms',
        null,
        'informative',
        `the pool's backends, from /proc, over the ${mix.length} searches`,
      ),
      figure(
        'knowledge/search CPU per search: the searching process',
        perSearch(cpu.bench),
        'ms',
        null,
        'informative',
        'KnowledgeSearchService in the bench process (its load loop included)',
      ),
    ];
  } finally {
    await pool.end();
  }
}

async function serviceSearch(search: KnowledgeSearchService, q: string, audience: Asker): Promise<void> {
  await search.search({ q, audience, limit: 3 }, AGENT);
}

async function ilikeScan(pool: Pool, terms: string[], audience: Asker): Promise<void> {
  if (terms.length === 0) return;
  await pool.query(
    `SELECT e.id, (SELECT count(*) FROM unnest($1::text[]) t
                    WHERE v.title ILIKE '%' || t || '%' OR v.answer ILIKE '%' || t || '%') AS score
       FROM knowledge_entries e JOIN knowledge_entry_versions v ON v.entry_id = e.id AND v.version = e.published_version
      WHERE e.status = 'published' AND v.audience = ANY($2::text[])
        AND EXISTS (SELECT 1 FROM unnest($1::text[]) t WHERE v.title ILIKE '%' || t || '%' OR v.answer ILIKE '%' || t || '%')
      ORDER BY score DESC, e.id LIMIT 3`,
    [terms, [audience, 'both']],
  );
}

async function sequential<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

/** `work` for every item, `CONCURRENCY` at a time; latency percentiles in ms and the rate achieved. */
async function timeConcurrently<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  meter: () => Promise<() => void> = () => Promise.resolve(() => undefined),
): Promise<{ p50: number; p95: number; perSecond: number }> {
  const histogram = latencyHistogram(600_000_000);
  // Warm-up: jieba's dictionary, the plan cache, the pages; at full concurrency, so the pool is open.
  await Promise.all(items.slice(0, CONCURRENCY).map(work));
  const stopMeter = await meter();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const t = process.hrtime.bigint();
        await work(item);
        histogram.recordValue(Math.max(1, Number(process.hrtime.bigint() - t) / 1000));
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  stopMeter();
  return {
    p50: histogram.getValueAtPercentile(50) / 1000,
    p95: histogram.getValueAtPercentile(95) / 1000,
    perSecond: items.length / seconds,
  };
}
