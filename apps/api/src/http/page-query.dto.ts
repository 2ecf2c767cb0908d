import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryInteger } from './query-integer';

/** The largest page: every reference list (units, categories) still fits in one. */
export const MAX_PAGE_SIZE = 1000;
/** Deeper than this, narrow the filters: PostgreSQL reads and drops every skipped row (docs/api.md, "Bounds"). */
export const MAX_OFFSET = 1_000_000;

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @QueryInteger(1, MAX_PAGE_SIZE)
  limit = 100;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional()
  @QueryInteger(0, MAX_OFFSET)
  offset = 0;
}
