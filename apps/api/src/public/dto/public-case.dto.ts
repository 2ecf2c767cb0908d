import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CASE_STATUSES, PUBLIC_STEPS, SATISFACTION_LEVELS, type Satisfaction } from '@hotline/cases';

export class PublicStepDto {
  @ApiProperty({ enum: Object.keys(PUBLIC_STEPS) }) step!: string;
  @ApiProperty({ example: '已派至承办单位' }) label!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
}

/** A citizen's case as they may see it (docs/api.md, "Progress lookup"). */
export class PublicCaseDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ example: '办理中', description: 'The stage in plain words' }) stage!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: Date;
  @ApiProperty({ type: [PublicStepDto] }) timeline!: PublicStepDto[];
  @ApiProperty({ nullable: true, type: String, description: 'The unit’s reply, once resolved' })
  reply!: string | null;
  @ApiProperty({ description: 'Whether the citizen may rate the resolution now' }) ratable!: boolean;
}

export class RateCaseDto {
  @ApiProperty({ description: 'Whether the demand was solved' })
  @IsBoolean()
  solved!: boolean;

  @ApiProperty({ enum: SATISFACTION_LEVELS })
  @IsIn(SATISFACTION_LEVELS)
  satisfaction!: Satisfaction;

  @ApiPropertyOptional({ example: '处理很及时' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class NotificationPreferenceDto {
  @ApiProperty({ description: 'true: no more case messages by SMS (codes asked for are still sent)' })
  @IsBoolean()
  optedOut!: boolean;
}
