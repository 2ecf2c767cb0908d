import { Pool } from 'pg';
import { type Actor, CaseQueriesService, CasesModule } from '@hotline/cases';
import { ensureKpiDataset, KpiDataset } from '../kpi/load-dataset';
import { figure, Figure } from '../report';
import { latencyHistogram, withLibraries } from '../in-process';

const CASES = Number(process.env.BENCH_KPI_CASES ?? 10_000_000);
const RUNS = Number(process.env.BENCH_CASE_SEARCH_RUNS ?? 200);
const NAIVE_RUNS = Number(process.env.BENCH_CASE_SEARCH_NAIVE_RUNS ?? 10);
const GOAL = '≤ 100 ms p95';

/** What agents type into the case list's search box: words of the generated descriptions (BENCH_DESCRIPTIONS). */
const QUESTIONS = ['暖气', '路灯', '占道经营', '噪音', '停水', '电梯', '公积金', '垃圾', '油烟', '拖欠工资'];
const AGENT: Actor = { userId: null, role: 'agent', unitCode: null };

/**
 * `GET /cases?q=` over the KPI benchmark's generated cases (10 million by default, BENCH_KPI_CASES),
 * through CaseQueriesService.list (the api's own query: the GIN index on `search_document`, ranked by
 * ts_rank_cd over the newest 1,000 matches, a page of 20 and their count) as an agent sees it, beside what it replaced: `ILIKE '%q%'` on
 * the description, a page of 20 newest first and its count, in the same run on the same data.
 */
export async function benchCaseSearch(): Promise<Figure[]> {
  const dataset = await ensureKpiDataset(CASES);
  const fast = await timeCaseQueries(dataset);
  const naive = await timeIlike(dataset);
  const what =
    `${dataset.cases.toLocaleString('en')} cases; ${QUESTIONS.length} one-word questions in turn, ` +
    `${fast.matches}; through CaseQueriesService.list as an agent (limit 20, with total); ` +
    `baseline: ILIKE '%q%' on description (page + count), median of ${NAIVE_RUNS}` +
    (dataset.loadSeconds === null ? '' : `; loaded in ${Math.round(dataset.loadSeconds)} s with COPY`);
  return [
    figure(`GET /cases?q= p95 over ${millions(dataset.cases)} cases`, fast.p95, 'ms', naive, GOAL, what),
    figure(`GET /cases?q= p50 over ${millions(dataset.cases)} cases`, fast.p50, 'ms', naive, 'informative'),
    figure(`GET /cases?q= by case number p95`, fast.byNumberP95, 'ms', null, GOAL),
  ];
}

async function timeCaseQueries(
  dataset: KpiDataset,
): Promise<{ p50: number; p95: number; byNumberP95: number; matches: string }> {
  Object.assign(process.env, { DATABASE_URL: dataset.databaseUrl, LOG_LEVEL: 'warn' });
  return withLibraries('bench-case-search', [CasesModule], async (app) => {
    const queries = app.get(CaseQueriesService);
    const list = (q: string) => queries.list({ q, limit: 20, offset: 0 }, AGENT);
    const totals = new Map<string, number>();
    for (const q of QUESTIONS) totals.set(q, (await list(q)).total); // warm-up, and what each finds
    const histogram = latencyHistogram();
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      await list(QUESTIONS[i % QUESTIONS.length]);
      histogram.recordValue(Number(process.hrtime.bigint() - started) / 1000);
    }
    const numbers = (await queries.list({ limit: 50, offset: 0 }, AGENT)).items.map((c) => c.caseNumber);
    const byNumber = latencyHistogram();
    for (let i = 0; i < RUNS && numbers.length > 0; i++) {
      const started = process.hrtime.bigint();
      const page = await list(numbers[i % numbers.length]);
      byNumber.recordValue(Number(process.hrtime.bigint() - started) / 1000);
      if (page.total !== 1) throw new Error(`case number ${numbers[i % numbers.length]} found ${page.total} cases`);
    }
    const found = [...totals.values()];
    return {
      p50: histogram.getValueAtPercentile(50) / 1000,
      p95: histogram.getValueAtPercentile(95) / 1000,
      byNumberP95: byNumber.getValueAtPercentile(95) / 1000,
      matches: `each matching ${Math.min(...found).toLocaleString('en')}–${Math.max(...found).toLocaleString('en')} cases`,
    };
  });
}

/** The replaced query's median: a page of 20 newest first and the count, `ILIKE '%q%'` on the description. */
async function timeIlike(dataset: KpiDataset): Promise<number> {
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: 2 });
  try {
    const ms: number[] = [];
    for (let i = 0; i < NAIVE_RUNS; i++) {
      const pattern = `%${QUESTIONS[i % QUESTIONS.length]}%`;
      const started = process.hrtime.bigint();
      // One after the other, as the list's getManyAndCount ran them.
      await pool.query(
        `SELECT * FROM cases WHERE description ILIKE $1 ORDER BY registered_at DESC, id DESC LIMIT 20 OFFSET 0`,
        [pattern],
      );
      await pool.query(`SELECT count(*) FROM cases WHERE description ILIKE $1`, [pattern]);
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
  } finally {
    await pool.end();
  }
}

function millions(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000} M` : n.toLocaleString('en');
}
