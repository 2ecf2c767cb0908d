import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  ASKERS,
  type Asker,
  AUDIENCES,
  type Audience,
  KNOWLEDGE_KINDS,
  KNOWLEDGE_STATUSES,
  type KnowledgeKind,
  type KnowledgeStatus,
} from '@hotline/knowledge';
import { QueryBoolean } from '../../http/query-boolean';
import { QueryInteger } from '../../http/query-integer';

export const MAX_SEARCH_RESULTS = 100;

export class KnowledgeSearchQueryDto {
  @ApiProperty({ example: '我家暖气不热怎么办', description: 'The question, in the caller’s words' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  @ApiPropertyOptional({ enum: ASKERS, description: 'Who asks: also finds entries for `both`' })
  @IsOptional()
  @IsIn(ASKERS)
  audience?: Asker;

  @ApiPropertyOptional({ enum: KNOWLEDGE_KINDS })
  @IsOptional()
  @IsIn(KNOWLEDGE_KINDS)
  kind?: KnowledgeKind;

  @ApiPropertyOptional({ example: '0301', description: 'Entries of this category, of one below it or above it' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  categoryCode?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SEARCH_RESULTS, default: 10 })
  @IsOptional()
  @QueryInteger(1, MAX_SEARCH_RESULTS)
  limit = 10;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'Editors only (supervisors, admins; handlers for their unit’s entries): search the current version of ' +
      'those entries whatever their state and dates',
  })
  @IsOptional()
  @QueryBoolean()
  includeUnpublished?: boolean;
}

export class KnowledgeHitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'The version found (the published one, unless includeUnpublished)' })
  version!: number;
  @ApiProperty({ enum: KNOWLEDGE_STATUSES }) status!: KnowledgeStatus;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: KNOWLEDGE_KINDS }) kind!: KnowledgeKind;
  @ApiProperty({ enum: AUDIENCES }) audience!: Audience;
  @ApiProperty({
    example: '室温低于18℃的，可拨打<mark>供热</mark>单位报修电话',
    description: 'HTML: the answer’s plain text, escaped, with <mark>…</mark> around the words that matched',
  })
  snippet!: string;
  @ApiProperty({ description: 'Higher ranks first: ts_rank_cd plus half the title’s similarity' }) score!: number;
}

export class KnowledgeSearchPageDto {
  @ApiProperty({ type: [KnowledgeHitDto] }) items!: KnowledgeHitDto[];
  @ApiProperty({ description: 'How many entries matched' }) total!: number;
}
