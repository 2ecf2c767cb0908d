import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DURATION_UNITS, DurationUnit, URGENCIES, Urgency } from '@hotline/directory';

export class DurationDto {
  @ApiProperty({ type: 'integer', example: 24, minimum: 1, maximum: 100_000 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  amount!: number;

  @ApiProperty({ enum: DURATION_UNITS, example: 'hours' })
  @IsIn(DURATION_UNITS)
  unit!: DurationUnit;
}

export class SlaPolicyItemDto {
  @ApiProperty({ enum: URGENCIES })
  @IsIn(URGENCIES)
  urgency!: Urgency;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Narrows the row to a category subtree; empty = the urgency default',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  categoryCode?: string | null;

  @ApiProperty({ type: DurationDto, description: 'From registration' })
  @ValidateNested()
  @Type(() => DurationDto)
  dispatchWithin!: DurationDto;

  @ApiProperty({ type: DurationDto, description: 'From the dispatch the unit keeps' })
  @ValidateNested()
  @Type(() => DurationDto)
  signWithin!: DurationDto;

  @ApiProperty({ type: DurationDto, description: 'From the dispatch the unit keeps' })
  @ValidateNested()
  @Type(() => DurationDto)
  responseWithin!: DurationDto;

  @ApiProperty({ type: DurationDto, description: 'From the dispatch the unit keeps' })
  @ValidateNested()
  @Type(() => DurationDto)
  resolveWithin!: DurationDto;

  @ApiProperty({ type: DurationDto, description: 'From resolution, or from the resolve deadline passing' })
  @ValidateNested()
  @Type(() => DurationDto)
  callbackWithin!: DurationDto;

  @ApiProperty({ type: DurationDto, description: 'A utility acknowledging a one-click transfer' })
  @ValidateNested()
  @Type(() => DurationDto)
  transferAckWithin!: DurationDto;

  @ApiPropertyOptional({
    default: false,
    description: 'The centre reviews (审核) the lead’s result before it counts as resolved and the callback starts',
  })
  @IsOptional()
  @IsBoolean()
  reviewResult?: boolean;
}

export class SlaPolicyDto {
  @ApiProperty({ type: [SlaPolicyItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyItemDto)
  items!: SlaPolicyItemDto[];
}
