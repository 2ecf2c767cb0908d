import type { CaseView } from '@hotline/cases';
import type { CsvTable } from '../http/csv';

/** A page of cases as the list shows them (the caller masked or hidden, the company hidden alike), one row per case. */
export function casesCsv(items: readonly CaseView[]): CsvTable {
  return {
    header: [
      'caseNumber',
      'id',
      'status',
      'registeredAt',
      'demandType',
      'urgency',
      'categoryCode',
      'districtCode',
      'streetCode',
      'address',
      'description',
      'callerName',
      'callerPhone',
      'requesterKind',
      'companyName',
      'companyCreditCode',
      'leadUnitCode',
      'coUnitCodes',
      'resolveDueAt',
    ],
    rows: items.map((c) => [
      c.caseNumber,
      c.id,
      c.status,
      c.registeredAt,
      c.demandType,
      c.urgency,
      c.categoryCode,
      c.districtCode,
      c.streetCode,
      c.address,
      c.description,
      c.callerName,
      c.callerPhone,
      c.requesterKind,
      c.company?.name ?? null,
      c.company?.creditCode ?? null,
      c.leadUnitCode,
      c.coUnitCodes.join(' '),
      c.deadlines.resolve,
    ]),
  };
}
