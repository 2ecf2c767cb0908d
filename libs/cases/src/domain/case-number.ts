import { localDate } from '@hotline/clock/domain';

/**
 * Human case numbers: the registration date (Beijing) and a sequence from one database sequence,
 * e.g. `20261125-0001234` — unique under any concurrency without a counter row to contend on.
 */
export function formatCaseNumber(registeredAt: Date, sequence: number): string {
  return `${localDate(registeredAt).replace(/-/g, '')}-${String(sequence).padStart(7, '0')}`;
}
