import { parse } from 'csv-parse/sync';
import { DomainError, FieldError } from '@hotline/core';

/** The two levels loaded from official lists: streets/townships under districts, communities/villages under streets. */
export type ChildUnitLevel = 'street' | 'community';

export interface ChildUnitRow {
  code: string;
  name: string;
  parentCode: string;
}

/**
 * A level's file: its parent column and code length. Codes follow the statistical division codes: a
 * street is its district's 6 digits + 3, a community (社区/村) its street's 9 + 3.
 */
const LEVELS: Record<ChildUnitLevel, { parentColumn: string; digits: number; parent: string }> = {
  street: { parentColumn: 'districtCode', digits: 9, parent: 'district' },
  community: { parentColumn: 'streetCode', digits: 12, parent: 'street' },
};

/**
 * Parses a street or community import file (`code,name,districtCode` or `code,name,streetCode`, UTF-8,
 * header row; see seed/data/*.example.csv). Every bad line is reported, by line number.
 */
export function parseChildUnitsCsv(
  text: string,
  level: ChildUnitLevel,
  knownParents: ReadonlySet<string>,
): ChildUnitRow[] {
  const { parentColumn, digits, parent } = LEVELS[level];
  const header = ['code', 'name', parentColumn];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true });
  } catch (error) {
    throw DomainError.invalidField('file', `not valid CSV: ${(error as Error).message}`, 'not_csv');
  }
  const [first, ...lines] = records;
  if (!first || first.join(',') !== header.join(',')) {
    throw DomainError.invalidField('file', `header must be ${header.join(',')}`, 'bad_header');
  }
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const rows = lines.map(([code = '', name = '', parentCode = ''], index) => {
    const line = `line ${index + 2}`;
    if (!new RegExp(`^\\d{${digits}}$`).test(code))
      problems.push({ field: `${line}.code`, message: `must be ${digits} digits`, reason: 'bad_format' });
    if (seen.has(code)) problems.push({ field: `${line}.code`, message: 'appears twice', reason: 'duplicate' });
    if (!name) problems.push({ field: `${line}.name`, message: 'must not be empty', reason: 'required' });
    if (!knownParents.has(parentCode)) {
      problems.push({
        field: `${line}.${parentColumn}`,
        message: `is not a known ${parent}`,
        reason: `unknown_${parent}`,
      });
    } else if (!code.startsWith(parentCode)) {
      problems.push({
        field: `${line}.code`,
        message: `must start with its ${parent} code`,
        reason: `not_in_${parent}`,
      });
    }
    seen.add(code);
    return { code, name, parentCode };
  });
  if (problems.length > 0) throw DomainError.validation(problems);
  return rows;
}
