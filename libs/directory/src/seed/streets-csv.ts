import { parse } from 'csv-parse/sync';
import { DomainError, FieldError } from '@hotline/core';

export interface StreetRow {
  code: string;
  name: string;
  districtCode: string;
}

const HEADER = ['code', 'name', 'districtCode'];

/**
 * Parses the street/township import file (`code,name,districtCode`, UTF-8, header row; see
 * seed/data/streets.example.csv). Every bad line is reported, by line number.
 */
export function parseStreetsCsv(text: string, knownDistricts: ReadonlySet<string>): StreetRow[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true });
  } catch (error) {
    throw DomainError.invalidField('file', `not valid CSV: ${(error as Error).message}`, 'not_csv');
  }
  const [header, ...lines] = records;
  if (!header || header.join(',') !== HEADER.join(',')) {
    throw DomainError.invalidField('file', `header must be ${HEADER.join(',')}`, 'bad_header');
  }
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const rows = lines.map(([code = '', name = '', districtCode = ''], index) => {
    const line = `line ${index + 2}`;
    if (!/^\d{9}$/.test(code))
      problems.push({ field: `${line}.code`, message: 'must be 9 digits', reason: 'bad_format' });
    if (seen.has(code)) problems.push({ field: `${line}.code`, message: 'appears twice', reason: 'duplicate' });
    if (!name) problems.push({ field: `${line}.name`, message: 'must not be empty', reason: 'required' });
    if (!knownDistricts.has(districtCode)) {
      problems.push({ field: `${line}.districtCode`, message: 'is not a known district', reason: 'unknown_district' });
    } else if (!code.startsWith(districtCode)) {
      problems.push({ field: `${line}.code`, message: 'must start with its district code', reason: 'not_in_district' });
    }
    seen.add(code);
    return { code, name, districtCode };
  });
  if (problems.length > 0) throw DomainError.validation(problems);
  return rows;
}
