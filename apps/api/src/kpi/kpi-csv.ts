import type { FiveRatesRow, LiveFigures, MissedCase, MonthlyReport, Rate, ThreeRatesRow } from '@hotline/kpi';
import { METRICS, THREE_RATES } from '@hotline/kpi';
import type { CsvTable } from '../http/csv';

/** A rate as a plain decimal with four places (spreadsheets format it); empty when undefined. */
function ratio(rate: number | null): string {
  return rate === null ? '' : rate.toFixed(4);
}

function rateColumns(name: string): string[] {
  return [`${name}.rate`, `${name}.numerator`, `${name}.denominator`];
}

function rateCells(rate: Rate): (string | number)[] {
  return [ratio(rate.rate), rate.numerator, rate.denominator];
}

export function fiveRatesCsv(items: FiveRatesRow[]): CsvTable {
  return {
    header: ['groupKey', 'groupName', ...METRICS.flatMap((m) => [...rateColumns(m), `${m}.pending`])],
    rows: items.map((r) => [r.groupKey, r.groupName, ...METRICS.flatMap((m) => [...rateCells(r[m]), r[m].pending])]),
  };
}

export function threeRatesCsv(items: ThreeRatesRow[]): CsvTable {
  return {
    header: ['groupKey', 'groupName', ...['response', 'resolution', 'satisfaction'].flatMap(rateColumns)],
    rows: items.map((r) => [r.groupKey, r.groupName, ...[r.response, r.resolution, r.satisfaction].flatMap(rateCells)]),
  };
}

export function missesCsv(items: MissedCase[]): CsvTable {
  return {
    header: ['caseNumber', 'caseId', 'unitCode', 'dueAt', 'doneAt', 'why'],
    rows: items.map((m) => [m.caseNumber, m.caseId, m.unitCode, m.dueAt, m.doneAt, m.why]),
  };
}

export function liveCsv(figures: LiveFigures): CsvTable {
  return {
    header: ['hotline', 'name', 'calls', 'answered', 'cases'],
    rows: figures.byHotline.map((h) => [h.hotline, h.name, h.calls, h.answered, h.cases]),
  };
}

/** The monthly review: one row per group, in rank order; each rate with its change from last month. */
export function monthlyReportCsv(report: MonthlyReport): CsvTable {
  const names = [...METRICS, ...THREE_RATES];
  return {
    header: ['rank', 'groupKey', 'groupName', 'score', ...names.flatMap((n) => [...rateColumns(n), `${n}.change`])],
    rows: report.items.map((r) => [
      r.rank,
      r.groupKey,
      r.groupName,
      ratio(r.score),
      ...names.flatMap((n) => [...rateCells(r.rates[n]), ratio(r.change[n])]),
    ]),
  };
}
