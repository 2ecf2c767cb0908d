import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SATISFACTION_LEVELS, type Satisfaction } from '@hotline/cases';
import { CaseDto } from '../../cases/dto/case.dto';
import { PageQueryDto } from '../../http/page-query.dto';

export class CallbackDto {
  @ApiProperty({ description: 'Was the citizen reached?' }) @IsBoolean() reached!: boolean;
  @ApiPropertyOptional({ description: 'Required when reached' }) @IsOptional() @IsBoolean() solved?: boolean;
  @ApiPropertyOptional({ enum: SATISFACTION_LEVELS, description: 'Required when reached' })
  @IsOptional()
  @IsIn(SATISFACTION_LEVELS)
  satisfaction?: Satisfaction;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class UnreasonableDto {
  @ApiProperty({ example: '诉求超出政府职责范围' }) @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}

export class DueCaseDto extends CaseDto {
  @ApiProperty({ type: String, format: 'date-time' }) callbackDueAt!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The agent calling back (10-minute claim)',
  })
  claimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) claimedAt!: string | null;
}

export class DueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['me', 'none'], description: 'My claimed callbacks, or those nobody holds' })
  @IsOptional()
  @IsIn(['me', 'none'])
  claimed?: 'me' | 'none';
}

export class CallbackClaimDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) claimedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) claimedAt!: Date;
}
export class DuePageDto {
  @ApiProperty({ type: [DueCaseDto] }) items!: DueCaseDto[];
  @ApiProperty() total!: number;
}
