import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '@hotline/supervision';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsDateTime } from '../../http/date-time';

export class IssueSupervisionDto {
  @ApiProperty({ enum: SUPERVISION_LEVELS }) @IsIn(SUPERVISION_LEVELS) level!: SupervisionLevel;
  @ApiProperty({ example: '请于今日内联系市民并反馈进展' }) @IsString() @MinLength(2) @MaxLength(2000) note!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Defaults by level: 24 h, 12 h, 4 h' })
  @IsOptional()
  @IsDateTime()
  dueAt?: Date;
}

export class SupervisionReplyDto {
  @ApiProperty({ example: '已于今日上午联系市民，明日完成整改' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note!: string;
}

export class SupervisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'replied', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'replied', 'closed'])
  status?: 'open' | 'replied' | 'closed';
  @ApiPropertyOptional({ enum: SUPERVISION_LEVELS }) @IsOptional() @IsIn(SUPERVISION_LEVELS) level?: SupervisionLevel;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) unitCode?: string;
}

export class SupervisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ enum: SUPERVISION_LEVELS }) level!: string;
  @ApiProperty({ example: 'deadline_missed' }) trigger!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: Date;
  @ApiProperty({ enum: ['open', 'replied', 'closed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) reply!: string | null;
  @ApiProperty() escalations!: number;
}

export class SupervisionPageDto {
  @ApiProperty({ type: [SupervisionDto] }) items!: SupervisionDto[];
  @ApiProperty() total!: number;
}
