import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** A table ready for `sendCsv`: the header and one row of cells per item. */
export interface CsvTable {
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * A table as CSV text: UTF-8 with a BOM (spreadsheet programs then read Chinese correctly), quoted where
 * needed, and a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 * full-width forms) prefixed with `'`, so a spreadsheet shows it instead of running it as a formula
 * (OWASP, "CSV Injection"; csv-stringify's `escape_formulas`). Numbers stay numbers, negative ones too.
 */
export function toCsv({ header, rows }: CsvTable): string {
  return `\uFEFF${stringify([header, ...rows], { escape_formulas: true })}`;
}

export function sendCsv(res: Response, filename: string, table: CsvTable): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(toCsv(table));
}
