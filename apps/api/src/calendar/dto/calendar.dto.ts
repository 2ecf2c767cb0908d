import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CalendarQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
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
