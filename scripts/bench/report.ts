import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** One line of the benchmark table (bench/results/latest.json is an array of these). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same question answered the plain way, in the same run. */
  baseline: number | null;
  /** value ÷ baseline. */
  ratio: number | null;
  goal: string;
  note?: string;
  /** Which suite of `npm run bench` measured it. */
  suite?: string;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  baseline: number | null,
  goal: string,
  note?: string,
): Figure {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline ? round(value / baseline) : null,
    goal,
    ...(note ? { note } : {}),
  };
}

export function machine(): Record<string, string | number> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function printTable(figures: readonly Figure[]): void {
  console.table(
    figures.map((f) => ({
      figure: f.name,
      value: f.value,
      unit: f.unit,
      baseline: f.baseline ?? '–',
      ratio: f.ratio ?? '–',
      goal: f.goal,
    })),
  );
}

/** Writes this run's figures, keeping the earlier figures of the suites not run this time. */
export function writeResults(
  fresh: readonly Figure[],
  suites: readonly string[],
  versions: Record<string, string>,
): void {
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Figure[]) : [];
  const figures = [...earlier.filter((f) => !suites.includes(f.suite ?? 'pipeline')), ...fresh];
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  const info = { ...machine(), ...versions };
  const lines = [
    '# Benchmark results',
    '',
    `Updated ${new Date().toISOString()} by \`npm run bench -- ${suites.join(' ')}\` (other suites' figures: their last run) on ${info.cpus} cores (${info.cpuModel}), ${info.memoryGiB} GiB; ` +
      Object.entries(versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
    '',
    '| figure | value | unit | baseline (same run) | ratio | goal | note |',
    '|---|---|---|---|---|---|---|',
    ...figures.map(
      (f) =>
        `| ${f.name} | ${f.value} | ${f.unit} | ${f.baseline ?? '–'} | ${f.ratio ?? '–'} | ${f.goal} | ${f.note ?? ''} |`,
    ),
    '',
  ];
  writeFileSync(join(dir, 'latest.md'), lines.join('\n'));
}
