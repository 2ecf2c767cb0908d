import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { RESOLUTION_OUTCOMES, type ResolutionOutcome } from '@hotline/cases';
import { HasText } from '../../http/has-text';

export class NoteDto {
  @ApiProperty({ example: '已电话联系市民，约定明早现场查看' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note!: string;
}

export class ExtensionRequestDto {
  @ApiProperty({
    type: 'integer',
    example: 72,
    minimum: 1,
    maximum: 2160,
    description: 'Hours to add to the resolve deadline',
  })
  @IsInt()
  @Min(1)
  @Max(2160)
  hours!: number;

  @ApiProperty({ example: '需协调产权单位，施工需要时间' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class ExtensionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() hours!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
}

export class ApproveDto {
  @ApiProperty() @IsBoolean() approve!: boolean;
}

export class ResultReviewDto {
  @ApiProperty({ description: 'true: the result stands and the case resolves; false: back to the lead' })
  @IsBoolean()
  approve!: boolean;

  @ApiPropertyOptional({
    example: '回复未说明处理结果，请补充现场照片和整改情况',
    description: 'Why the result goes back (required when approve is false)',
  })
  // Required to send a result back; optional (a remark) on an approval.
  @ValidateIf((o: ResultReviewDto, v) => o.approve === false || v !== undefined)
  @IsDefined({ message: 'is required to send a result back' })
  @IsString()
  @HasText(2)
  @MaxLength(2000)
  reason?: string;
}

export class ResolveDto {
  @ApiProperty({ enum: RESOLUTION_OUTCOMES })
  @IsIn(RESOLUTION_OUTCOMES)
  outcome!: ResolutionOutcome;

  @ApiProperty({ example: '已清理占道摊位，并安排城管每日巡查' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reply!: string;
}
