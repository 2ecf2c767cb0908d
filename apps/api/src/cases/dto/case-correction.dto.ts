import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@hotline/cases';
import { URGENCIES, type Urgency } from '@hotline/directory';

export class CorrectionRequestDto {
  @ApiPropertyOptional({ example: '010102', description: 'A leaf (level 3) category' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  categoryCode?: string;

  @ApiPropertyOptional({ enum: URGENCIES })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ example: '110105', description: 'A new district without streetCode drops the street' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  districtCode?: string;

  @ApiPropertyOptional({ example: '110105001', nullable: true, type: String, description: 'Of the (new) district' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(16)
  streetCode?: string | null;

  @ApiPropertyOptional({ example: '建国门外大街2号' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  address?: string;

  @ApiProperty({
    example: '诉求实为供暖问题，原分类有误',
    description: 'Why the case is corrected (kept on its timeline)',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
}

export class CaseNoteRequestDto {
  @ApiProperty({ example: '市民要求下午致电' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text!: string;

  @ApiPropertyOptional({
    enum: NOTE_VISIBILITIES,
    default: 'centre',
    description: '`centre`: the centre only; `units`: also the units that see the case (a handler writes only these)',
  })
  @IsOptional()
  @IsIn(NOTE_VISIBILITIES)
  visibility?: NoteVisibility;
}

export class CaseNoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: NOTE_VISIBILITIES }) visibility!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) authorUserId!: string | null;
  @ApiProperty() authorRole!: string;
  @ApiProperty({ nullable: true, type: String }) authorUnitCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class CaseNoteListDto {
  @ApiProperty({ type: [CaseNoteDto] }) items!: CaseNoteDto[];
  @ApiProperty() total!: number;
}
