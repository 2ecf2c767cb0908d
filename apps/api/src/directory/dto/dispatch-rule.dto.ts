import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DISPATCH_TARGETS, DispatchTarget } from '@hotline/directory';

export class CreateDispatchRuleDto {
  @ApiProperty({ type: 'integer', example: 100, minimum: 0, maximum: 1_000_000, description: 'Lower runs first' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority!: number;

  @ApiProperty({ example: '停水 → 自来水集团', description: 'Unique' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '0301', description: 'Any level; covers the category and everything below it' })
  @IsString()
  @MaxLength(64)
  categoryCode!: string;

  @ApiPropertyOptional({ example: '110105' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  districtCode?: string;

  @ApiPropertyOptional({ example: '110105001' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  streetCode?: string;

  @ApiProperty({ enum: DISPATCH_TARGETS })
  @IsIn(DISPATCH_TARGETS)
  target!: DispatchTarget;

  @ApiPropertyOptional({ example: 'UTIL-WATER', description: "Required when target is 'unit'" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  leadUnitCode?: string;

  @ApiPropertyOptional({ type: [String], example: ['DEPT-WATER'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  coUnitCodes?: string[];

  @ApiPropertyOptional({ default: false, description: 'Dispatch on registration without an agent' })
  @IsOptional()
  @IsBoolean()
  auto?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'A case reopened after its callback goes back to the unit that handled it, without an agent',
  })
  @IsOptional()
  @IsBoolean()
  redispatchOnReopen?: boolean;
}

export class DispatchRuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() priority!: number;
  @ApiProperty() name!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ nullable: true, type: String }) districtCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) streetCode!: string | null;
  @ApiProperty({ enum: DISPATCH_TARGETS }) target!: DispatchTarget;
  @ApiProperty({ nullable: true, type: String }) leadUnitCode!: string | null;
  @ApiProperty({ type: [String] }) coUnitCodes!: string[];
  @ApiProperty() auto!: boolean;
  @ApiProperty() redispatchOnReopen!: boolean;
  @ApiProperty() active!: boolean;
}

export class DispatchRulePageDto {
  @ApiProperty({ type: [DispatchRuleDto] }) items!: DispatchRuleDto[];
  @ApiProperty() total!: number;
}
