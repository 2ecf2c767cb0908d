import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDateTime } from '../../http/date-time';

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

  @ApiPropertyOptional({ example: 'UTIL-WATER', description: 'The utility whose saturated line overflowed to 12345' })
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

  @ApiPropertyOptional({ description: 'Summary of the demand for the utility; defaults to the case description' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary?: string;
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
