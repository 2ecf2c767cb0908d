import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { CsvTable } from './kpi-csv';

/** Sends a table as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese names correctly). */
export function sendCsv(res: Response, filename: string, { header, rows }: CsvTable): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(`\uFEFF${stringify([header, ...rows])}`);
}
