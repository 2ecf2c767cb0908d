import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, Validate } from 'class-validator';
import { ASKERS, type Asker } from '@hotline/knowledge';
import { CitizenPhoneConstraint } from '../../cases/dto/citizen-phone.constraint';
import { IsDateTime } from '../../http/date-time';
import { PageQueryDto } from '../../http/page-query.dto';
import { QueryBoolean } from '../../http/query-boolean';

export class AskDto {
  @ApiProperty({
    example: '半夜楼上一直很吵怎么办',
    description: 'The question in the asker’s words (停水了 is a question)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  question!: string;

  @ApiPropertyOptional({ enum: ASKERS, description: 'Who asks; citizens by default (entries for both are found too)' })
  @IsOptional()
  @IsIn(ASKERS)
  audience?: Asker;
}

export class DeskAnswerDto {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ description: 'The entry’s published version the answer is read from' }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Markdown' }) answer!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence!: number;
}

export class DeskReplyDto {
  @ApiProperty({ format: 'uuid', description: 'For feedback and for leaving a demand' }) questionId!: string;
  @ApiProperty({ type: [DeskAnswerDto], description: 'Best first; at most three' }) answers!: DeskAnswerDto[];
  @ApiProperty({
    description: 'Whether the first answer is likely the right one (docs/product.md, "After-hours answers")',
  })
  confident!: boolean;
}

export class FeedbackDto {
  @ApiProperty({ description: 'Whether the answers helped' })
  @IsBoolean()
  helpful!: boolean;
}

export class LeaveDemandDto {
  @ApiProperty({ example: '13812345678', description: 'Required: the agent calls back on it' })
  @IsString()
  @MaxLength(40)
  @Validate(CitizenPhoneConstraint)
  phone!: string;

  @ApiPropertyOptional({ example: '王女士' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiProperty({ example: '110105' })
  @IsString()
  @MaxLength(16)
  districtCode!: string;

  @ApiPropertyOptional({ example: '110105001', description: 'Must belong to districtCode' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  streetCode?: string;

  @ApiProperty({ example: '建国门外大街1号' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  address!: string;

  @ApiPropertyOptional({ description: 'The demand in their words; the question when left out' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({ example: '030101', description: 'A leaf category, if they know it; 其他求助 otherwise' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  categoryCode?: string;
}

export class LeftDemandDto {
  @ApiProperty({ example: '20261003-0000001' }) caseNumber!: string;
  @ApiProperty({ format: 'date-time', description: 'Counted from the centre’s next working hour' })
  dispatchDueAt!: Date;
}

export class PublicQuestionQueryDto extends PageQueryDto {
  @ApiProperty({ format: 'date-time' })
  @IsDateTime()
  from!: Date;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  @IsDateTime()
  to!: Date;

  @ApiPropertyOptional({ description: 'Only those the desk was (not) confident about' })
  @IsOptional()
  @QueryBoolean()
  confident?: boolean;

  @ApiPropertyOptional({ description: 'Only those the asker said did (not) help' })
  @IsOptional()
  @QueryBoolean()
  helpful?: boolean;
}

export class OfferedAnswerDto {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() confidence!: number;
}

export class PublicQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) askedAt!: Date;
  @ApiProperty() question!: string;
  @ApiProperty({ enum: ASKERS, nullable: true, type: String }) audience!: Asker | null;
  @ApiProperty({ type: [OfferedAnswerDto] }) answers!: OfferedAnswerDto[];
  @ApiProperty() confident!: boolean;
  @ApiProperty({ nullable: true, type: Boolean }) helpful!: boolean | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) demandCaseId!: string | null;
}

export class PublicQuestionPageDto {
  @ApiProperty({ type: [PublicQuestionDto] }) items!: PublicQuestionDto[];
  @ApiProperty() total!: number;
}
