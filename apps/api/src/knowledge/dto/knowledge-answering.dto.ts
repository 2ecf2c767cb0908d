import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  AUDIENCES,
  type Audience,
  FLAG_REASONS,
  FLAG_STATUSES,
  type FlagReason,
  type FlagStatus,
  KNOWLEDGE_KINDS,
  type KnowledgeKind,
} from '@hotline/knowledge';
import { PageQueryDto } from '../../http/page-query.dto';
import { QueryInteger } from '../../http/query-integer';
import { MAX_SEARCH_RESULTS } from './knowledge-search.dto';

export class KnowledgeSuggestionsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SEARCH_RESULTS, default: 5 })
  @IsOptional()
  @QueryInteger(1, MAX_SEARCH_RESULTS)
  limit = 5;
}

export class KnowledgeSuggestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'The published version: the one an answer would cite' })
  version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: KNOWLEDGE_KINDS }) kind!: KnowledgeKind;
  @ApiProperty({ enum: AUDIENCES }) audience!: Audience;
  @ApiProperty({ description: 'HTML: the answer’s plain text, escaped, with <mark>…</mark> around matched words' })
  snippet!: string;
  @ApiProperty({ description: 'Higher ranks first; entries of the case’s category get 0.2 more' }) score!: number;
}

export class KnowledgeSuggestionsDto {
  @ApiProperty({ type: [KnowledgeSuggestionDto] }) items!: KnowledgeSuggestionDto[];
  @ApiProperty() total!: number;
}

export class FlagKnowledgeEntryDto {
  @ApiProperty({ enum: FLAG_REASONS })
  @IsIn(FLAG_REASONS)
  reason!: FlagReason;

  @ApiPropertyOptional({ example: '2026年起补贴标准已调整' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class ResolveKnowledgeFlagDto {
  @ApiPropertyOptional({ example: '已更新为新标准，待发布', description: 'What was done' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class KnowledgeFlagQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The owning unit (a handler: only their own)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitCode?: string;

  @ApiPropertyOptional({ enum: FLAG_STATUSES })
  @IsOptional()
  @IsIn(FLAG_STATUSES)
  status?: FlagStatus;
}

export class KnowledgeReviewDueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The owning unit (a handler: only their own)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitCode?: string;
}

export class KnowledgeFlagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ type: 'integer', description: 'The version the flagger read' }) version!: number;
  @ApiProperty({ description: 'That version’s title' }) title!: string;
  @ApiProperty() ownerUnitCode!: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason!: FlagReason;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: FLAG_STATUSES }) status!: FlagStatus;
  @ApiProperty({ format: 'uuid' }) flaggedBy!: string;
  @ApiProperty() flaggedAt!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resolvedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The resolver’s note' }) resolution!: string | null;
}

export class KnowledgeFlagPageDto {
  @ApiProperty({ type: [KnowledgeFlagDto] }) items!: KnowledgeFlagDto[];
  @ApiProperty() total!: number;
}

export class ReviewDueDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'The published version' }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() ownerUnitCode!: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) reviewBy!: string;
}

export class ReviewDuePageDto {
  @ApiProperty({ type: [ReviewDueDto] }) items!: ReviewDueDto[];
  @ApiProperty() total!: number;
}
