import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsLatitude, IsLongitude, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEMAND_TYPES, type DemandType } from '@hotline/cases';
import { SUBMISSION_STATUSES } from '@hotline/online-intake';
import { HasText } from '../../http/has-text';

const FORM_CHANNELS = ['web', 'app'] as const;

/** A demand a citizen files on the web portal or the app: an agent classifies it (docs/api.md, "Online intake"). */
export class NewPublicSubmissionDto {
  @ApiPropertyOptional({ enum: FORM_CHANNELS, description: 'The portal (`web`, default) or the app' })
  @IsOptional()
  @IsIn(FORM_CHANNELS)
  channel?: (typeof FORM_CHANNELS)[number];

  @ApiPropertyOptional({ enum: DEMAND_TYPES, description: 'What the citizen says it is' })
  @IsOptional()
  @IsIn(DEMAND_TYPES)
  demandType?: DemandType;

  @ApiPropertyOptional({ example: '030101', description: 'A category the citizen chose, if any' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  categoryCode?: string;

  @ApiProperty({ example: '停水了', description: 'In the citizen’s words: two characters besides blanks at least' })
  @IsString()
  @HasText(2)
  @MaxLength(2000)
  description!: string;

  @ApiPropertyOptional({ example: '朝阳区建国路88号院3号楼' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: 39.9087 }) @IsOptional() @IsLatitude() lat?: number;
  @ApiPropertyOptional({ example: 116.3975 }) @IsOptional() @IsLongitude() long?: number;

  @ApiPropertyOptional({ example: '王女士' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

/** What the citizen sees of their submission: no staff names, no internal fields. */
export class PublicSubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', description: 'An agent decides within two hours' })
  acceptDueAt!: Date;
  @ApiProperty({ nullable: true, type: String, description: 'Once accepted: follow it at /public/cases/{caseNumber}' })
  caseNumber!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Once answered without a case' })
  reply!: string | null;
}

export class PublicSubmissionPageDto {
  @ApiProperty({ type: [PublicSubmissionDto] }) items!: PublicSubmissionDto[];
  @ApiProperty() total!: number;
}

export class PublicAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Read from the bytes' }) mimeType!: string;
  @ApiProperty({ description: 'Bytes as stored (a photo after its metadata was removed)' }) size!: number;
  @ApiProperty() fileName!: string;
}
