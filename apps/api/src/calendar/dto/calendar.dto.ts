import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryInteger } from '../../http/query-integer';

export class CalendarQueryDto {
  @ApiProperty({ type: 'integer', example: 2026, minimum: 2000, maximum: 2100 })
  @QueryInteger(2000, 2100)
  year!: number;
}

export class CalendarDayRequestDto {
  @ApiProperty({ enum: ['holiday', 'workday', 'normal'], description: 'normal removes the exception' })
  @IsIn(['holiday', 'workday', 'normal'])
  kind!: 'holiday' | 'workday' | 'normal';

  @ApiPropertyOptional({ example: '国庆节' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' }) day!: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind!: string;
  @ApiProperty({ example: '国庆节' }) name!: string;
}
