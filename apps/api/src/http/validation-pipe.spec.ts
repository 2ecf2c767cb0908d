import type { FieldError } from '@hotline/core';
import { CalendarQueryDto } from '../calendar/dto/calendar.dto';
import { KpiPeriodQueryDto } from '../kpi/dto/kpi.dto';
import { PageQueryDto } from './page-query.dto';
import { createValidationPipe } from './validation-pipe';

/** What the api's own validation pipe makes of a query: the DTO, or the field errors of its 400. */
async function query(metatype: new () => object, value: Record<string, string>): Promise<object | FieldError[]> {
  try {
    return (await createValidationPipe().transform(value, { type: 'query', metatype })) as object;
  } catch (error) {
    return (error as { fields: FieldError[] }).fields;
  }
}
const reasons = (result: object | FieldError[]) =>
  Array.isArray(result) ? result.map((e) => `${e.field}:${e.reason}`) : 'accepted';

describe('the validation pipe on numbers and days in a query', () => {
  it('pages within bounds, with defaults', async () => {
    expect(await query(PageQueryDto, {})).toMatchObject({ limit: 100, offset: 0 });
    expect(await query(PageQueryDto, { limit: '1000', offset: '1000000' })).toMatchObject({
      limit: 1000,
      offset: 1_000_000,
    });
  });

  it('refuses out-of-range numbers with min or max, naming the field', async () => {
    expect(reasons(await query(PageQueryDto, { offset: '100000000000000000000' }))).toEqual(['offset:max']);
    expect(reasons(await query(PageQueryDto, { offset: '1000001' }))).toEqual(['offset:max']);
    expect(reasons(await query(PageQueryDto, { offset: '-1', limit: '0' }))).toEqual(['limit:min', 'offset:min']);
    expect(reasons(await query(PageQueryDto, { limit: '-0' }))).toEqual(['limit:min']);
    expect(reasons(await query(CalendarQueryDto, { year: '2147483648' }))).toEqual(['year:max']);
  });

  it('takes decimal digits only as a whole number: isInt for anything else', async () => {
    for (const text of ['1.5', '1e3', '0x10', '', ' 1', 'NaN', 'Infinity', '1_000'])
      expect(reasons(await query(PageQueryDto, { limit: text }))).toEqual(['limit:isInt']);
  });

  it('refuses days that do not exist or that PostgreSQL cannot hold', async () => {
    const period = (from: string) => query(KpiPeriodQueryDto, { from, to: '2026-12-01' });
    expect(reasons(await period('2026-11-01'))).toBe('accepted');
    expect(reasons(await period('2026-02-30'))).toEqual(['from:not_a_date']);
    expect(reasons(await period('0000-01-01'))).toEqual(['from:minDate']);
    expect(reasons(await period('1969-12-31'))).toEqual(['from:minDate']);
    expect(reasons(await period('+10000-01-01'))).toEqual(['from:matches']);
  });

  it('takes a period’s bounds as ISO date-times too, within the same years', async () => {
    const period = (from: string) => query(KpiPeriodQueryDto, { from, to: '2026-12-01' });
    expect(reasons(await period('2026-10-31T16:00:00Z'))).toBe('accepted');
    expect(reasons(await period('2026-11-01T08:00:00.000+08:00'))).toBe('accepted');
    expect(reasons(await period('1969-12-31T23:59:59Z'))).toEqual(['from:minDate']);
    expect(reasons(await period('2026-13-01T00:00:00Z'))).toEqual(['from:not_a_date']);
    expect(reasons(await period('2026-11-01T08:00:00'))).toEqual(['from:matches']);
    expect(reasons(await period('Nov 1 2026'))).toEqual(['from:matches']);
  });
});
