import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEMAND_TYPES, type DemandType } from '@hotline/cases';
import { URGENCIES, type Urgency } from '@hotline/directory';
import { SUBMISSION_STATUSES, type SubmissionStatus } from '@hotline/online-intake';
import { HasText } from '../../http/has-text';
import { PageQueryDto } from '../../http/page-query.dto';

export class SubmissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES, description: '`waiting`: the queue, the soonest due first' })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
}

export class OnlineSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['web', 'app', 'open311'] }) channel!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The Open311 client application' })
  clientName!: string | null;
  @ApiProperty({ nullable: true, enum: DEMAND_TYPES, type: String, description: 'What the citizen says it is' })
  demandType!: DemandType | null;
  @ApiProperty({ nullable: true, type: String, description: 'The category the citizen chose' })
  categoryCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) districtCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) streetCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lat!: number | null;
  @ApiProperty({ nullable: true, type: Number }) long!: number | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Kept only when it is a valid number' })
  phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) mediaUrl!: string | null;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'Two hours after it arrived' })
  acceptDueAt!: Date;
  @ApiProperty({
    enum: ['in_time', 'due_soon', 'overdue'],
    nullable: true,
    type: String,
    description: 'Of a waiting submission: due soon in its last half hour; null once decided',
  })
  dueBand!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String }) reply!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: Date | null;
}

export class OnlineSubmissionPageDto {
  @ApiProperty({ type: [OnlineSubmissionDto] }) items!: OnlineSubmissionDto[];
  @ApiProperty() total!: number;
}

/** The agent's classification: a case's fields; description and address default to the citizen's. */
export class AcceptSubmissionDto {
  @ApiProperty({ enum: DEMAND_TYPES }) @IsIn(DEMAND_TYPES) demandType!: DemandType;
  @ApiProperty({ example: '030101', description: 'A leaf (level 3) category' })
  @IsString()
  @MaxLength(16)
  categoryCode!: string;
  @ApiProperty({ enum: URGENCIES }) @IsIn(URGENCIES) urgency!: Urgency;
  @ApiProperty({ example: '110105' }) @IsString() @MaxLength(16) districtCode!: string;
  @ApiPropertyOptional({ example: '110105001' }) @IsOptional() @IsString() @MaxLength(16) streetCode?: string;
  @ApiPropertyOptional({ description: 'The citizen’s address when absent (required if the submission has none)' })
  @IsOptional()
  @IsString()
  @HasText(2)
  @MaxLength(500)
  address?: string;
  @ApiPropertyOptional({ description: 'The citizen’s words when absent (required if the submission has none)' })
  @IsOptional()
  @IsString()
  @HasText(2)
  @MaxLength(4000)
  description?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ default: false, description: 'Register a new case even if it repeats an open one' })
  @IsOptional()
  @IsBoolean()
  forceNew?: boolean;
}

export class AnswerSubmissionDto {
  @ApiProperty({ example: '停水通知请关注自来水集团公告，或拨打96116查询。' })
  @IsString()
  @HasText(2)
  @MaxLength(4000)
  reply!: string;
}
