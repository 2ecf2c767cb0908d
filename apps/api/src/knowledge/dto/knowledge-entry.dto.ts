import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AUDIENCES, type Audience, KNOWLEDGE_KINDS, KNOWLEDGE_STATUSES, type KnowledgeKind } from '@hotline/knowledge';
import type { KnowledgeStatus } from '@hotline/knowledge';
import { IsCalendarDay } from '../../http/date-time';
import { QueryInteger } from '../../http/query-integer';

const MAX_VERSION = 1_000_000;

// Lengths count characters, so a three-character title (供暖费) is as good as a long one.
export class CreateKnowledgeEntryDto {
  @ApiProperty({ example: '供暖期室内温度不达标如何报修', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['暖气不热找谁', '家里供暖温度低怎么办'],
    description: 'How callers ask it; found by search like the title. At most 50, each 2–500 characters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(500, { each: true })
  questions?: string[];

  @ApiProperty({ example: '供暖期内室温低于18℃的，可拨打供热单位报修电话或12345反映。', description: 'Markdown' })
  @IsString()
  @MinLength(2)
  @MaxLength(20_000)
  answer!: string;

  @ApiProperty({ enum: KNOWLEDGE_KINDS, example: 'guide' })
  @IsIn(KNOWLEDGE_KINDS)
  kind!: KnowledgeKind;

  @ApiProperty({ enum: AUDIENCES, example: 'citizen' })
  @IsIn(AUDIENCES)
  audience!: Audience;

  @ApiPropertyOptional({ type: [String], example: ['0301'], description: 'Existing categories, any level' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  categoryCodes?: string[];

  @ApiPropertyOptional({ example: 'UTIL-HEAT', description: 'Required, except from a handler (their own unit)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  ownerUnitCode?: string;

  @ApiPropertyOptional({ example: '京政发〔2020〕1号', description: '文号 of the policy it rests on' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;

  @ApiPropertyOptional({ example: '北京市供热采暖管理办法' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-15', description: 'Default: today' })
  @IsOptional()
  @IsCalendarDay()
  effectiveFrom?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-03-15', description: 'The last day it applies; none: open' })
  @IsOptional()
  @IsCalendarDay()
  effectiveTo?: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-10-01', description: 'When its owner should review it' })
  @IsOptional()
  @IsCalendarDay()
  reviewBy?: string;

  @ApiPropertyOptional({ example: 'heating-room-temperature', description: 'A stable key of an importer; unique' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ref?: string;
}

/** Present when sent: a field that cannot be empty may be left out, not set to null. */
const Sent = () => ValidateIf((_, value) => value !== undefined);

/** An edit: absent fields stay; null clears documentNumber, source, effectiveTo or reviewBy. */
export class UpdateKnowledgeEntryDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @Sent()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: [String] })
  @Sent()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(500, { each: true })
  questions?: string[];

  @ApiPropertyOptional({ description: 'Markdown', minLength: 2, maxLength: 20_000 })
  @Sent()
  @IsString()
  @MinLength(2)
  @MaxLength(20_000)
  answer?: string;

  @ApiPropertyOptional({ enum: KNOWLEDGE_KINDS })
  @Sent()
  @IsIn(KNOWLEDGE_KINDS)
  kind?: KnowledgeKind;

  @ApiPropertyOptional({ enum: AUDIENCES })
  @Sent()
  @IsIn(AUDIENCES)
  audience?: Audience;

  @ApiPropertyOptional({ type: [String] })
  @Sent()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  categoryCodes?: string[];

  @ApiPropertyOptional({ description: 'Supervisors and admins only: a handler cannot give an entry away' })
  @Sent()
  @IsString()
  @MaxLength(64)
  ownerUnitCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @Sent()
  @IsCalendarDay()
  effectiveFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDay()
  effectiveTo?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsCalendarDay()
  reviewBy?: string | null;
}

export class PublishKnowledgeEntryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Default: the current version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
}

export class RetireKnowledgeEntryDto {
  @ApiPropertyOptional({ example: '政策已废止', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class KnowledgeVersionQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Default: the newest the reader may read' })
  @IsOptional()
  @QueryInteger(1, MAX_VERSION)
  version?: number;
}

export class KnowledgeEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) ref!: string | null;
  @ApiProperty({ enum: KNOWLEDGE_STATUSES }) status!: KnowledgeStatus;
  @ApiProperty({ type: 'integer', description: 'The newest version' }) currentVersion!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The version agents read and search finds' })
  publishedVersion!: number | null;
  @ApiProperty({ type: 'integer', description: 'The version shown here' }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) questions!: string[];
  @ApiProperty({ description: 'Markdown' }) answer!: string;
  @ApiProperty({ enum: KNOWLEDGE_KINDS }) kind!: KnowledgeKind;
  @ApiProperty({ enum: AUDIENCES }) audience!: Audience;
  @ApiProperty({ type: [String] }) categoryCodes!: string[];
  @ApiProperty() ownerUnitCode!: string;
  @ApiProperty({ type: String, nullable: true }) documentNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveTo!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) reviewBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: the seed or an importer' })
  editedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) editedAt!: Date;
}

export class KnowledgeVersionDto {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The version search finds' }) published!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class KnowledgeVersionPageDto {
  @ApiProperty({ type: [KnowledgeVersionDto] }) items!: KnowledgeVersionDto[];
  @ApiProperty() total!: number;
}
