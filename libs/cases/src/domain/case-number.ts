import { localDate } from '@hotline/clock/domain';

/**
 * Human case numbers: the registration date (Beijing) and a sequence from one database sequence,
 * e.g. `20261125-0001234` — unique under any concurrency without a counter row to contend on.
 */
export function formatCaseNumber(registeredAt: Date, sequence: number): string {
  return `${localDate(registeredAt).replace(/-/g, '')}-${String(sequence).padStart(7, '0')}`;
}

/**
 * True for text shaped like a case number (`20261125-0001234`, full-width digits and surrounding blanks
 * allowed): `GET /cases?q=` then looks the case up by its number alone (docs/api.md).
 */
export function isCaseNumber(text: string): boolean {
  return CASE_NUMBER.test(text.normalize('NFKC').trim());
}

/** The case number as stored, for text `isCaseNumber` accepts. */
export function normalizeCaseNumber(text: string): string {
  return text.normalize('NFKC').trim();
}

const CASE_NUMBER = /^\d{8}-\d{7,}$/;
