import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RETURN_REASONS, ReturnReason } from '@hotline/cases';

export class DispatchRequestDto {
  @ApiPropertyOptional({ example: '110105001', description: 'Omit both fields to use the dispatch catalogue' })
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
}

class SuggestionDto {
  @ApiProperty() leadUnitCode!: string;
  @ApiProperty({ type: [String] }) coUnitCodes!: string[];
  @ApiProperty({ enum: ['overflow', 'rule', 'fallback'] }) source!: string;
  @ApiProperty({ nullable: true, type: String }) ruleId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ruleName!: string | null;
  @ApiProperty() auto!: boolean;
  @ApiProperty() reason!: string;
}

class RuleTraceDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() ruleName!: string;
  @ApiProperty() priority!: number;
  @ApiProperty({ enum: ['matched', 'not_applicable', 'skipped'] }) outcome!: string;
  @ApiProperty() why!: string;
}

export class DispatchSuggestionsDto {
  @ApiProperty({ type: SuggestionDto, nullable: true }) suggestion!: SuggestionDto | null;
  @ApiProperty({ type: [RuleTraceDto], description: 'The rules of the case’s category that were looked at, in order' })
  trace!: RuleTraceDto[];
  @ApiProperty({ nullable: true, type: String }) manualReason!: string | null;
}

export class ReturnRequestDto {
  @ApiPropertyOptional({
    enum: RETURN_REASONS,
    default: 'other',
    description: 'The kind of reason; `other` when absent',
  })
  @IsOptional()
  @IsIn(RETURN_REASONS)
  reasonCode?: ReturnReason;

  @ApiProperty({ example: '该地址属于相邻街道辖区' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class ReturnDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() dispatchNo!: number;
  @ApiProperty({ enum: RETURN_REASONS }) reasonCode!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
}

export class ReviewDto {
  @ApiProperty() @IsBoolean() approve!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid', description: 'Dispatch order id or transfer id' }) orderId!: string;
  @ApiProperty({ enum: ['dispatch', 'transfer'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['lead', 'co'] }) role!: string | null;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() urgency!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ type: Object, example: { sign: '2026-11-25T12:00:00.000Z' } }) deadlines!: Record<string, string>;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty() total!: number;
}
