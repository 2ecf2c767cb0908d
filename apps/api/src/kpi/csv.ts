import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** Sends rows as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese names correctly). */
export function sendCsv(res: Response, filename: string, header: string[], rows: (string | number | null)[][]): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(`\uFEFF${stringify([header, ...rows])}`);
}

export function ratio(rate: number | null): string {
  return rate === null ? '' : rate.toFixed(4);
}
