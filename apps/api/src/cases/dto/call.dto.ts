import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import {
  AGENT_CALL_BACK_OUTCOMES,
  CALL_BACK_OUTCOMES,
  CALL_OUTCOME_KINDS,
  CALL_OUTCOME_TARGETS,
  type CallOutcomeKind,
} from '@hotline/cases';
import { IsDateTime } from '../../http/date-time';
import { PageQueryDto } from '../../http/page-query.dto';

export class CreateCallDto {
  @ApiProperty({
    example: '12319',
    description: 'The number the citizen dialled: 12345, a merged line or a utility line',
  })
  @Matches(/^\d{3,20}$/, { message: 'must be 3–20 digits' })
  dialedNumber!: string;

  @ApiProperty({ example: '13812345678' })
  @IsString()
  @MinLength(3)
  @MaxLength(40)
  callerNumber!: string;

  @ApiProperty({ example: '2026-11-25T09:30:00+08:00', type: String, format: 'date-time' })
  @IsDateTime()
  startedAt!: Date;

  @ApiPropertyOptional({
    example: 'UTIL-WATER',
    description:
      'The utility whose saturated line overflowed to 12345: its unit code, or its line’s number (96116) as the ' +
      'telephony knows it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  overflowFrom?: string;

  @ApiPropertyOptional({
    example: 'cti-20261125-0930-4411',
    description:
      'The telephony system’s id of the call (`callId` of its events on hotline.calls.v1): the call and those events ' +
      'are one call row whichever arrives first, and a retry answers the same call. 1–100 visible ASCII characters',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\x21-\x7e]*$/, { message: 'must be visible ASCII characters (no spaces)' })
  externalCallId?: string;
}

export class SourceHotlineDto {
  @ApiProperty() code!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['primary', 'merged', 'utility'] }) kind!: string;
}

export class CallDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() dialedNumber!: string;
  @ApiProperty() callerNumber!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: Date;
  @ApiProperty({ enum: ['offered', 'answered', 'ended', 'abandoned', 'transferred'] }) status!: string;
  @ApiProperty({ type: SourceHotlineDto }) sourceHotline!: SourceHotlineDto;
  @ApiProperty({ nullable: true, type: String }) overflowFrom!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) caseId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The telephony system’s id of the call' })
  externalCallId!: string | null;
}

export class TransferRequestDto {
  @ApiProperty({
    example: 'UTIL-POWER',
    description: 'The utility enterprise (unit code) to put the caller through to',
  })
  @IsString()
  @MaxLength(64)
  utilityCode!: string;

  @ApiPropertyOptional({
    description:
      'Summary of the demand for the utility; defaults to the case description. Required when the call has no ' +
      'case yet: it becomes the description of the case the transfer registers',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary?: string;

  @ApiPropertyOptional({
    example: '030101',
    description:
      'For a call without a case: the category (a leaf) of the case the transfer registers — with `districtCode`, ' +
      '`address` and `summary`, each `required` then. Ignored when the call has a case',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  categoryCode?: string;

  @ApiPropertyOptional({ example: '110105', description: 'For a call without a case: the district of the place' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  districtCode?: string;

  @ApiPropertyOptional({ example: '110105001', description: 'For a call without a case: the street, in the district' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  streetCode?: string;

  @ApiPropertyOptional({ example: '建国路88号院', description: 'For a call without a case: the address' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class TransferDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) callId!: string | null;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() utilityCode!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: ['pending', 'acknowledged'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) ackDueAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: Date | null;
}

export class CallOutcomeRequestDto {
  @ApiProperty({
    enum: CALL_OUTCOME_KINDS,
    description: '`emergency_handoff`: put through to an emergency line now; `referred_elsewhere`: told its route',
  })
  @IsIn(CALL_OUTCOME_KINDS)
  kind!: CallOutcomeKind;

  @ApiProperty({
    enum: CALL_OUTCOME_TARGETS,
    example: '119',
    description:
      'For an emergency 110, 119, 120 or 122; for a referral court, arbitration, petition (信访) or discipline ' +
      '(纪检监察). Another outcome’s target is a 400 `not_a_target_of_kind`',
  })
  @IsIn(CALL_OUTCOME_TARGETS)
  target!: string;

  @ApiPropertyOptional({ example: '三楼起火，有人被困', description: 'What was passed on or told' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CallOutcomeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) callId!: string;
  @ApiProperty({ enum: CALL_OUTCOME_KINDS }) kind!: string;
  @ApiProperty({ enum: CALL_OUTCOME_TARGETS }) target!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: Date;
}

export class CallBackQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open', description: '`done`: called back, or got through' })
  @IsOptional()
  @IsIn(['open', 'done'])
  state: 'open' | 'done' = 'open';

  @ApiPropertyOptional({ enum: ['me', 'none'], description: 'Held by me, or by nobody (a lapsed claim is nobody’s)' })
  @IsOptional()
  @IsIn(['me', 'none'])
  claimed?: 'me' | 'none';
}

export class CallBackRequestDto {
  @ApiProperty({ enum: AGENT_CALL_BACK_OUTCOMES, description: '`reached`: the caller answered; `unreachable`: not' })
  @IsIn(AGENT_CALL_BACK_OUTCOMES)
  outcome!: 'reached' | 'unreachable';

  @ApiPropertyOptional({ format: 'uuid', description: 'The case the call back registered or found' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export class AbandonedCallDto extends CallDto {
  @ApiProperty({ type: String, format: 'date-time' }) abandonedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) callBackDueAt!: Date;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The agent calling back (10-minute claim)',
  })
  callBackClaimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) callBackClaimedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) calledBackAt!: Date | null;
  @ApiProperty({ nullable: true, enum: CALL_BACK_OUTCOMES, type: String }) callBackOutcome!: string | null;
}

export class AbandonedCallPageDto {
  @ApiProperty({ type: [AbandonedCallDto] }) items!: AbandonedCallDto[];
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Abandoned calls not yet called back' }) open!: number;
  @ApiProperty({ description: 'Of those, past their due time' }) overdue!: number;
}
