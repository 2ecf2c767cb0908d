import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, MaxDate, MinDate } from 'class-validator';

const EARLIEST = new Date('1970-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59Z');

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
