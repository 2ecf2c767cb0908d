import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import {
  CASE_STATUSES,
  CaseStatus,
  Channel,
  CHANNELS,
  CREDIT_CODE_LENGTH,
  DEMAND_TYPES,
  DemandType,
  REQUESTER_KINDS,
  RequesterKind,
  RESOLUTION_OUTCOMES,
} from '@hotline/cases';
import { URGENCIES, Urgency } from '@hotline/directory';
import { MAX_CITED_ENTRIES } from '@hotline/knowledge';
import { PageQueryDto } from '../../http/page-query.dto';
import { IsDateTime } from '../../http/date-time';
import { HasText } from '../../http/has-text';
import { CitizenPhoneConstraint } from './citizen-phone.constraint';
import { IsCreditCode } from './credit-code';

/** The enterprise behind a demand (the enterprise service channel, docs/product.md). */
export class CompanyDto {
  @ApiProperty({ example: '北京某某科技有限公司', description: 'The registered name' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: '91110000600037341L',
    minLength: CREDIT_CODE_LENGTH,
    maxLength: CREDIT_CODE_LENGTH,
    description:
      '统一社会信用代码 (GB 32100-2015), checked with both its check characters; lower case is taken as upper case. ' +
      'A bad code is a 400 on `company.creditCode` with the reason `length`, `charset`, `check_digit`, ' +
      '`registration_authority`, `region_code` or `organisation_check_digit`',
  })
  @IsCreditCode()
  creditCode!: string;
}

export class CreateCaseDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The call this demand came in on (POST /calls)' })
  @IsOptional()
  @IsUUID()
  callId?: string;

  @ApiProperty({ enum: CHANNELS, example: 'phone' })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ enum: DEMAND_TYPES, example: 'complaint' })
  @IsIn(DEMAND_TYPES)
  demandType!: DemandType;

  @ApiProperty({ example: '010101', description: 'A leaf (level 3) category' })
  @IsString()
  @MaxLength(16)
  categoryCode!: string;

  @ApiProperty({ enum: URGENCIES, example: 'general' })
  @IsIn(URGENCIES)
  urgency!: Urgency;

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

  @ApiPropertyOptional({ example: '王女士' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  callerName?: string;

  @ApiPropertyOptional({
    example: '13812345678',
    description:
      'A mainland mobile, a landline with its area code (either optionally with +86), or a number abroad as ' +
      '+ country code and number. Required for `channel: phone` (reason `required`); a letter, web, e-mail or ' +
      'walk-in demand may come without one, and is then never merged as a repeat',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Validate(CitizenPhoneConstraint)
  callerPhone?: string;

  @ApiProperty({
    example: '小区门口有商贩占道经营，影响通行',
    minLength: 2,
    description: 'At least 2 characters besides blanks (停水了 is a whole demand; reason `too_short`)',
  })
  @IsString()
  @HasText(2)
  @MaxLength(4000)
  description!: string;

  @ApiPropertyOptional({ default: false, description: 'Whistle-blower: the caller is never shown to any unit' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiPropertyOptional({
    enum: REQUESTER_KINDS,
    default: 'citizen',
    description: 'Who raised the demand: a citizen, or an enterprise (the enterprise service channel)',
  })
  @IsOptional()
  @IsIn(REQUESTER_KINDS)
  requesterKind?: RequesterKind;

  @ApiPropertyOptional({
    type: CompanyDto,
    description:
      'Required when requesterKind is `enterprise` (reason `required`), refused otherwise (`enterprise_only`)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyDto)
  company?: CompanyDto;

  @ApiPropertyOptional({
    default: false,
    description:
      '敏感诉求, an enterprise’s only (`enterprise_only` otherwise): dispatched anonymously — no unit is shown the ' +
      'company or the caller',
  })
  @IsOptional()
  @IsBoolean()
  sensitive?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Register a new case even if the caller has an open one on the same matter',
  })
  @IsOptional()
  @IsBoolean()
  forceNew?: boolean;
}

export class DeadlinesDto {
  @ApiProperty({ type: String, format: 'date-time' }) dispatch!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sign!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) response!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolve!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) callback!: string | null;
}

/** The lead's result (see CaseDto.result). */
export interface CaseResultDto {
  outcome: string | null;
  reply: string | null;
  submittedAt: string | null;
  resolvedAt: string | null;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '20261125-0000042' }) caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ description: 'Optimistic lock version' }) version!: number;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ enum: DEMAND_TYPES }) demandType!: string;
  @ApiProperty({ enum: URGENCIES }) urgency!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() districtCode!: string;
  @ApiProperty({ nullable: true, type: String }) streetCode!: string | null;
  @ApiProperty() address!: string;
  @ApiProperty() description!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Hidden from units unless they lead a case neither confidential nor sensitive',
  })
  callerName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '138****5678',
    description: 'Masked for units other than the lead; hidden from units when confidential or sensitive',
  })
  callerPhone!: string | null;
  @ApiProperty() confidential!: boolean;
  @ApiProperty({ enum: REQUESTER_KINDS }) requesterKind!: RequesterKind;
  // Inline, not a $ref: OpenAPI 3.0 cannot make a referenced schema nullable.
  @ApiProperty({
    type: 'object',
    properties: {
      name: { type: 'string', example: '北京某某科技有限公司' },
      creditCode: { type: 'string', example: '91110000600037341L' },
    },
    required: ['name', 'creditCode'],
    selfRequired: true,
    nullable: true,
    description: 'The enterprise of an enterprise’s demand; null for a citizen’s, and for units when sensitive',
  })
  company!: CompanyDto | null;
  @ApiProperty({ description: 'Dispatched anonymously: units see neither the company nor the caller' })
  sensitive!: boolean;
  @ApiProperty() reasonable!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '12319', description: 'The number dialled' }) sourceHotline!:
    string | null;
  @ApiProperty() sourceHotlineCode!: string;
  @ApiProperty({ nullable: true, type: String }) overflowFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) callId!: string | null;
  @ApiProperty() firstCall!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) repeatOf!: string | null;
  @ApiProperty() repeatCount!: number;
  @ApiProperty({ nullable: true, type: String }) leadUnitCode!: string | null;
  @ApiProperty({ type: [String] }) coUnitCodes!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', format: 'date-time' },
    description: 'Each co-handler’s own deadline to report its part, by unit code',
  })
  coReportDue!: Record<string, string>;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The community/village the lead street forwarded the case to (转派)',
  })
  forwardedToUnitCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: DeadlinesDto }) deadlines!: DeadlinesDto;
  // Inline, not a $ref: OpenAPI 3.0 cannot make a referenced schema nullable.
  @ApiProperty({
    type: 'object',
    properties: {
      outcome: { type: 'string', enum: [...RESOLUTION_OUTCOMES], nullable: true },
      reply: { type: 'string', nullable: true, description: 'The unit’s reply to the citizen' },
      submittedAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
        description: 'Given and waiting for the centre’s review (status reviewing)',
      },
      resolvedAt: {
        type: 'string',
        format: 'date-time',
        nullable: true,
        description: 'When the accepted result was given',
      },
    },
    required: ['outcome', 'reply', 'submittedAt', 'resolvedAt'],
    selfRequired: true,
    nullable: true,
    description: 'The lead’s result; null until one is given, and again after the centre sent it back',
  })
  result!: CaseResultDto | null;
}

export class RegistrationDto extends CaseDto {
  @ApiProperty({ description: 'True when the demand joined the caller’s open case (并单) instead of creating one' })
  merged!: boolean;

  @ApiProperty({
    description:
      'True when `callId` had been registered already (a call creates at most one case): the answer is that case, ' +
      'unchanged; `merged` is false',
  })
  existing!: boolean;
}

class TimelineActorDto {
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
}

export class TimelineEntryDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'dispatched' }) type!: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: TimelineActorDto }) actor!: TimelineActorDto;
  @ApiProperty({ type: Object }) data!: object;
  @ApiProperty({ type: Object, nullable: true }) before!: object | null;
  @ApiProperty({ type: Object, nullable: true }) after!: object | null;
}

export class RelatedCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) registeredAt!: string;
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];
  @ApiProperty({
    type: [RelatedCaseDto],
    description: 'Open demands of other callers on the same matter and place (not merged)',
  })
  possiblyRelated!: RelatedCaseDto[];
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty() total!: number;
}

export class CaseQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @ApiPropertyOptional({ description: 'Cases with an active order for this unit' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) districtCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(16) streetCode?: string;
  @ApiPropertyOptional({ description: 'Hotline code or number' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  hotline?: string;
  @ApiPropertyOptional({ description: 'This category and everything below it' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  categoryCode?: string;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Registered at or after' })
  @IsOptional()
  @IsDateTime()
  from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Registered before' })
  @IsOptional()
  @IsDateTime()
  to?: Date;
  @ApiPropertyOptional({
    description:
      'A case number (exact), or words of the description or address, synonyms and traditional characters ' +
      'included, best match first (not the caller’s name or phone; filler alone finds nothing)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ description: 'Centre staff only' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  callerPhone?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: the page as a spreadsheet' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export class AnswerDto {
  @ApiProperty({ example: '已告知办理地点和所需材料' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reply!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_CITED_ENTRIES,
    description:
      'The knowledge entries the answer rests on, each published and in effect today: the case records each at ' +
      'the version read now (docs/api.md, "Knowledge base")',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CITED_ENTRIES)
  @IsUUID('all', { each: true })
  knowledgeEntryIds?: string[];
}
