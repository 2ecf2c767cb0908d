import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { RETURN_REASONS, ReturnReason } from '@hotline/cases';
import { DUE_FILTER_PATTERN, INBOX_STAGES, type InboxStage } from '@hotline/dispatch/domain';
import { IsDateTime } from '../../http/date-time';
import { PageQueryDto } from '../../http/page-query.dto';

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

export class ForwardRequestDto {
  @ApiProperty({ example: '110105001002', description: 'A community/village (社区/村) under the lead street' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  unitCode!: string;

  @ApiProperty({ example: '请建国里社区上门核实并处理' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
}

export class AddCoHandlerRequestDto {
  @ApiProperty({ example: 'DEPT-WATER' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  unitCode!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Its own deadline to report its part; by default 80% of the way to the lead’s resolve deadline',
  })
  @IsOptional()
  @IsDateTime()
  reportDueAt?: Date;

  @ApiProperty({ example: '需水务部门协助查明管线归属' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note!: string;
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

class InboxCountsByStageDto {
  @ApiProperty() to_sign!: number;
  @ApiProperty() to_respond!: number;
  @ApiProperty() handling!: number;
  @ApiProperty() reported!: number;
  @ApiProperty() to_acknowledge!: number;
}

class InboxCountsByDueDto {
  @ApiProperty() overdue!: number;
  @ApiProperty({ description: 'Due within `dueSoonHours`' }) due_soon!: number;
  @ApiProperty() later!: number;
  @ApiProperty({ description: 'No deadline running (a reported co-handler)' }) none!: number;
}

export class InboxCountsDto {
  @ApiProperty({ type: InboxCountsByStageDto }) byStage!: InboxCountsByStageDto;
  @ApiProperty({ type: InboxCountsByDueDto }) byDue!: InboxCountsByDueDto;
  @ApiProperty({ description: 'The window of `due_soon`: the `within` of the query, else 4' }) dueSoonHours!: number;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid', description: 'Dispatch order id or transfer id' }) orderId!: string;
  @ApiProperty({ enum: ['dispatch', 'transfer'] }) kind!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['lead', 'co', 'sub'] }) role!: string | null;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() urgency!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({
    type: Object,
    example: { sign: '2026-11-25T12:00:00.000Z' },
    description: 'The current deadlines (extensions and corrections included); null: that clock is not running',
  })
  deadlines!: Record<string, string | null>;
  @ApiProperty({ enum: INBOX_STAGES }) stage!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The deadline worked to next' })
  dueAt!: Date | null;
  @ApiProperty({ enum: ['warning', 'breach'], nullable: true, type: String, description: 'Of the deadline worked to' })
  alert!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The highest level of the supervision orders not yet closed',
  })
  supervisionLevel!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeUserId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The kind of the latest unit notice' })
  lastNotice!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastNoticeAt!: Date | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty({
    type: InboxCountsDto,
    description: 'Of the open items (of the assignee asked for), by stage and due band',
  })
  counts!: InboxCountsDto;
}

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'within:4h',
    description: '`overdue` (the next deadline has passed) or `within:<n>h` (it falls in the next n hours, 1–720)',
  })
  @IsOptional()
  @Matches(DUE_FILTER_PATTERN, { message: 'due must be overdue or within:<hours>h, 1 to 720 hours' })
  due?: string;

  @ApiPropertyOptional({ enum: INBOX_STAGES, description: 'Where the item stands for the unit' })
  @IsOptional()
  @IsIn(INBOX_STAGES)
  state?: InboxStage;

  @ApiPropertyOptional({ example: 'me', description: '`me` (my cases), `none` (unassigned) or a user id' })
  @IsOptional()
  @ValidateIf((q: InboxQueryDto) => q.assignee !== 'me' && q.assignee !== 'none')
  @IsUUID()
  assignee?: string;

  @ApiPropertyOptional({ enum: ['issued', 'due'], default: 'issued', description: '`due`: the nearest deadline first' })
  @IsOptional()
  @IsIn(['issued', 'due'])
  sort: 'issued' | 'due' = 'issued';
}

export class AssignRequestDto {
  @ApiProperty({ format: 'uuid', description: 'A handler of the unit holding the order' })
  @IsUUID()
  userId!: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ format: 'uuid' }) assigneeUserId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) previousAssigneeUserId!: string | null;
}
