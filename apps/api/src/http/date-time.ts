import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsString, Matches, MaxDate, MinDate, ValidateBy } from 'class-validator';

const EARLIEST = new Date('1970-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO 8601 date-time field, within years PostgreSQL and people both read: JavaScript accepts
 * expanded years (`-138575-12-22T04:00:07Z`) that PostgreSQL refuses, which used to be a 500
 * (found by fuzzing).
 */
export function IsDateTime(): PropertyDecorator {
  return applyDecorators(
    Type(() => Date),
    IsDate({ message: 'must be an ISO 8601 date-time' }),
    MinDate(EARLIEST, { message: 'must not be before 1970' }),
    MaxDate(LATEST, { message: 'must not be after 9999' }),
  );
}

/** What is wrong with a `YYYY-MM-DD` day, as a field error's reason and message; null when it is a real day. */
export function calendarDayProblem(day: string): { reason: 'not_a_date' | 'minDate'; message: string } | null {
  if (!DAY.test(day)) return { reason: 'not_a_date', message: 'must be a date, YYYY-MM-DD' };
  const at = new Date(`${day}T00:00:00Z`);
  // JavaScript rolls 2026-02-30 over to March 2nd; PostgreSQL refuses it (and year 0000): a 500 once.
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day)
    return { reason: 'not_a_date', message: 'is not a day of the calendar' };
  if (at < EARLIEST) return { reason: 'minDate', message: 'must not be before 1970' };
  return null;
}

/** An ISO 8601 date-time with its offset or Z, as `toISOString()` and most clients write it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

type BoundReason = 'matches' | 'not_a_date' | 'minDate' | 'maxDate';

/** What is wrong with a day or a date-time bound, as a field error's reason and message; null when none. */
function dayOrDateTimeProblem(value: string): { reason: BoundReason; message: string } | null {
  if (DAY.test(value)) return calendarDayProblem(value);
  if (!DATE_TIME.test(value))
    return { reason: 'matches', message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' };
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return { reason: 'not_a_date', message: 'is not a moment of the calendar' };
  if (at < EARLIEST) return { reason: 'minDate', message: 'must not be before 1970' };
  if (at > LATEST) return { reason: 'maxDate', message: 'must not be after 9999' };
  return null;
}

/**
 * A calendar day as `IsCalendarDay` checks it, or an ISO 8601 date-time from 1970 to 9999, with the
 * same reasons (`matches`, `not_a_date`, `minDate`, `maxDate`): report periods are counted in days,
 * and the service reads a date-time as the day it falls in (docs/api.md, "Registering demands").
 */
export function IsDayOrDateTime(): PropertyDecorator {
  const check = (reason: BoundReason) =>
    ValidateBy({
      name: reason,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || dayOrDateTimeProblem(value)?.reason !== reason,
        defaultMessage: (args) => dayOrDateTimeProblem(String(args?.value))?.message ?? 'is not a date',
      },
    });
  return applyDecorators(
    IsString({ message: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time' }),
    check('matches'),
    check('not_a_date'),
    check('minDate'),
    check('maxDate'),
  );
}

/**
 * A calendar day (`YYYY-MM-DD`, so at most 9999) that exists, from 1970: `matches` for another shape,
 * then `not_a_date` or `minDate`.
 */
export function IsCalendarDay(): PropertyDecorator {
  const check = (reason: 'not_a_date' | 'minDate') =>
    ValidateBy({
      name: reason,
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !DAY.test(value) || calendarDayProblem(value)?.reason !== reason,
        defaultMessage: (args) => calendarDayProblem(String(args?.value))?.message ?? 'is not a day',
      },
    });
  return applyDecorators(
    Matches(DAY, { message: 'must be a date, YYYY-MM-DD' }),
    check('not_a_date'),
    check('minDate'),
  );
}
