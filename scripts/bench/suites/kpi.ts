import { Pool } from 'pg';
import { KpiModule, KpiReportsService, METRICS } from '@hotline/kpi';
import { localDate } from '@hotline/clock';
import { ensureKpiDataset, KpiDataset } from '../kpi/load-dataset';
import { naiveFiveRatesByUnit } from '../kpi/naive-five-rates';
import { figure, Figure } from '../report';
import { latencyHistogram, withLibraries } from '../in-process';

const CASES = Number(process.env.BENCH_KPI_CASES ?? 10_000_000);
const RUNS = 200;
const NAIVE_RUNS = Number(process.env.BENCH_KPI_NAIVE_RUNS ?? 3);

/**
 * The five rates for one month grouped by unit, over 10 million generated cases: the api's query
 * (KpiReportsService on the projection's rollups) beside the same question answered by a naive GROUP BY
 * over the raw case_events — with both answers checked equal, count by count.
 */
export async function benchKpi(): Promise<Figure[]> {
  const dataset = await ensureKpiDataset(CASES);
  const today = localDate(dataset.now);
  const period = { from: `${today.slice(0, 8)}01`, to: firstOfNextMonth(today) };
  const fast = await timeKpiReportsService(dataset, period);
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: 2 });
  try {
    const naiveMs: number[] = [];
    let naive = new Map<string, { numerator: number; denominator: number; pending: number }>();
    for (let i = 0; i < NAIVE_RUNS; i++) {
      const started = process.hrtime.bigint();
      naive = await naiveFiveRatesByUnit(pool, period.from, period.to, dataset.now);
      naiveMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const mismatches = compare(fast.answer, naive);
    if (mismatches.length) throw new Error(`the two answers differ: ${mismatches.slice(0, 5).join('; ')}`);
    const naiveMedian = naiveMs.sort((a, b) => a - b)[Math.floor(naiveMs.length / 2)];
    const what =
      `${dataset.cases.toLocaleString('en')} cases, ${dataset.events.toLocaleString('en')} events; ` +
      `${period.from}..${period.to} by unit (${fast.answer.size / METRICS.length} units), answers equal; ` +
      `baseline: naive GROUP BY over case_events, median of ${NAIVE_RUNS}` +
      (dataset.loadSeconds === null ? '' : `; loaded in ${Math.round(dataset.loadSeconds)} s with COPY`);
    return [
      figure(
        'five-rates, one month by unit, p50',
        fast.p50,
        'ms',
        naiveMedian,
        '≤ 50 ms p95; ≥ 100× the naive query',
        what,
      ),
      figure('five-rates, one month by unit, p95', fast.p95, 'ms', naiveMedian, '≤ 50 ms p95; ≥ 100× the naive query'),
      figure('five-rates: naive query time ÷ p95', naiveMedian / fast.p95, '×', null, '≥ 100×'),
    ];
  } finally {
    await pool.end();
  }
}

type Answer = Map<string, { numerator: number; denominator: number; pending: number }>;

async function timeKpiReportsService(
  dataset: KpiDataset,
  period: { from: string; to: string },
): Promise<{ p50: number; p95: number; answer: Answer }> {
  Object.assign(process.env, { DATABASE_URL: dataset.databaseUrl, LOG_LEVEL: 'warn' });
  return withLibraries('bench-kpi', [KpiModule], async (app) => {
    const queries = app.get(KpiReportsService);
    const histogram = latencyHistogram();
    let rows = await queries.fiveRates(period, 'unit', {}, dataset.now);
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      rows = await queries.fiveRates(period, 'unit', {}, dataset.now);
      histogram.recordValue(Number(process.hrtime.bigint() - started) / 1000);
    }
    const answer: Answer = new Map();
    for (const row of rows)
      for (const metric of METRICS) {
        const { numerator, denominator, pending } = row[metric];
        if (denominator + pending > 0) answer.set(`${row.groupKey}|${metric}`, { numerator, denominator, pending });
      }
    return { p50: histogram.getValueAtPercentile(50) / 1000, p95: histogram.getValueAtPercentile(95) / 1000, answer };
  });
}

function compare(fast: Answer, naive: Answer): string[] {
  const keys = new Set([...fast.keys(), ...naive.keys()]);
  return [...keys]
    .filter((k) => JSON.stringify(fast.get(k) ?? null) !== JSON.stringify(naive.get(k) ?? null))
    .map((k) => `${k}: api ${JSON.stringify(fast.get(k) ?? null)} vs naive ${JSON.stringify(naive.get(k) ?? null)}`);
}

function firstOfNextMonth(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
