import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
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
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  MERGE_MODES,
  type MergeMode,
  REFERENCE_CHANGE_STATUSES,
  REFERENCE_ENTITIES,
  type ReferenceChangeStatus,
  type ReferenceEntity,
  UNIT_KINDS,
  type UnitKind,
} from '@hotline/directory';
import { IsDateTime } from '../../http/date-time';
import { HasText } from '../../http/has-text';
import { PageQueryDto } from '../../http/page-query.dto';
import { CreateDispatchRuleDto } from './dispatch-rule.dto';
import { SlaPolicyItemDto } from './sla-policy.dto';

/** When and why: every upkeep change may name both (docs/api.md, "Reference data upkeep"). */
export class ChangeTermsDto {
  @ApiPropertyOptional({ example: '区划调整', description: 'Why, kept with the change' })
  @IsOptional()
  @IsString()
  @HasText(2)
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Takes effect then (scheduled); omitted or past: at once',
  })
  @IsOptional()
  @IsDateTime()
  effectiveFrom?: Date;
}

export class HotlinePatchDto extends ChangeTermsDto {
  @ApiPropertyOptional({ example: '96311', nullable: true, type: String, description: 'Digits; null: no number' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{3,8}$/, { message: 'must be 3 to 8 digits' })
  number?: string | null;

  @ApiPropertyOptional({ example: '排水' })
  @IsOptional()
  @IsString()
  @HasText(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: MERGE_MODES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(MERGE_MODES)
  mergeMode?: MergeMode | null;

  @ApiPropertyOptional({ description: 'false: the line no longer routes calls' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class NewUnitDto extends ChangeTermsDto {
  @ApiProperty({ example: '110105001004' })
  @Matches(/^[A-Z0-9-]{2,64}$/, { message: 'must be 2–64 capital letters, digits or hyphens' })
  code!: string;

  @ApiProperty({ example: '秀水社区' })
  @IsString()
  @HasText(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @ApiPropertyOptional({ example: '110105001', description: 'A street’s district, a community’s street' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string;
}

export class UnitPatchDto extends ChangeTermsDto {
  @ApiPropertyOptional({ example: '建国门外街道' })
  @IsOptional()
  @IsString()
  @HasText(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '110105', nullable: true, type: String, description: 'Moves the unit' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(64)
  parentCode?: string | null;

  @ApiPropertyOptional({ description: 'false: no new dispatch goes to it; its open orders stay' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class NewCategoryDto extends ChangeTermsDto {
  @ApiProperty({ example: '010104' })
  @Matches(/^\d{2,12}$/, { message: 'must be 2–12 digits' })
  code!: string;

  @ApiProperty({ example: '共享单车乱停放' })
  @IsString()
  @HasText(2)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '0101', description: 'Omitted: a top-level category' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string;
}

export class CategoryPatchDto extends ChangeTermsDto {
  @ApiPropertyOptional({ example: '占道经营' })
  @IsOptional()
  @IsString()
  @HasText(2)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({
    example: '0102',
    description: 'Moves it under another category of the same level as its parent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentCode?: string;

  @ApiPropertyOptional({ description: 'false: no new case is registered on it' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class DispatchRuleFieldsDto extends PartialType(CreateDispatchRuleDto) {
  @ApiPropertyOptional({ description: 'false: the rule is no longer tried' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class DispatchRulePatchDto extends IntersectionType(DispatchRuleFieldsDto, ChangeTermsDto) {}

export class DispatchRuleOrderDto extends ChangeTermsDto {
  @ApiProperty({
    type: [String],
    description:
      'Rule ids in the order they are to be tried; they get priorities 10, 20, 30 … (rules not listed keep theirs)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class DispatchDryRunDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The rule to change; omitted: `rule` is a new rule' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @ApiProperty({ type: DispatchRuleFieldsDto, description: 'The fields changed (or, for a new rule, all of them)' })
  @ValidateNested()
  @Type(() => DispatchRuleFieldsDto)
  rule!: DispatchRuleFieldsDto;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000, default: 1000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  lastN?: number;
}

export class SlaPolicyChangeDto extends ChangeTermsDto {
  @ApiProperty({ type: [SlaPolicyItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyItemDto)
  items!: SlaPolicyItemDto[];
}

export class ReferenceChangeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REFERENCE_ENTITIES })
  @IsOptional()
  @IsIn(REFERENCE_ENTITIES)
  entity?: ReferenceEntity;

  @ApiPropertyOptional({ example: '110105001', description: 'A code, a rule id, or `current` for the SLA policy' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  key?: string;

  @ApiPropertyOptional({ enum: REFERENCE_CHANGE_STATUSES })
  @IsOptional()
  @IsIn(REFERENCE_CHANGE_STATUSES)
  status?: ReferenceChangeStatus;
}

export class ReferenceChangeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REFERENCE_ENTITIES }) entity!: ReferenceEntity;
  @ApiProperty({ example: '110105001' }) entityKey!: string;
  @ApiProperty({
    type: 'object',
    properties: {
      op: { type: 'string', enum: ['create', 'update'] },
      fields: { type: 'object', additionalProperties: true },
    },
    required: ['op', 'fields'],
    description: 'What was asked',
  })
  change!: { op: 'create' | 'update'; fields: Record<string, unknown> };
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) effectiveFrom!: Date;
  @ApiProperty({ enum: REFERENCE_CHANGE_STATUSES }) status!: ReferenceChangeStatus;
  @ApiProperty({ nullable: true, type: 'integer', description: 'The row’s version this change made (once applied)' })
  version!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The row before (null for a new one)',
  })
  before!: object | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The row after (once applied)',
  })
  after!: object | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    nullable: true,
    description: 'Why a scheduled change could not be applied at its time',
  })
  problems!: object[] | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) requestedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appliedAt!: Date | null;
}

export class ReferenceChangePageDto {
  @ApiProperty({ type: [ReferenceChangeDto] }) items!: ReferenceChangeDto[];
  @ApiProperty() total!: number;
}

export class DryRunCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The unit the case went to' }) actualUnitCode!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The catalogue’s unit today' }) currentUnitCode!:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The catalogue’s unit with the change' })
  proposedUnitCode!: string | null;
}

export class DryRunDto {
  @ApiProperty({ description: 'Cases looked at (the last N dispatched)' }) examined!: number;
  @ApiProperty({ description: 'Of those, how many would go to another unit' }) changed!: number;
  @ApiProperty({ type: [DryRunCaseDto], description: 'The cases that would change unit (at most 200)' })
  items!: DryRunCaseDto[];
}
