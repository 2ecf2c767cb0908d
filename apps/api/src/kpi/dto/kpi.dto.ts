import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REQUESTER_KINDS, type RequesterKind } from '@hotline/cases';
import { GROUP_BYS, type GroupBy, METRICS, type Metric, THREE_RATES } from '@hotline/kpi';
import { IsDayOrDateTime } from '../../http/date-time';
import { PageQueryDto } from '../../http/page-query.dto';

/** The monthly review ranks units or districts (docs/kpi.md, "Monthly review"). */
const REPORT_GROUP_BYS = ['unit', 'district'] as const;

export class KpiPeriodQueryDto {
  @ApiProperty({
    example: '2026-11-01',
    description: 'First day (Beijing), inclusive; a date-time stands for the day it falls in',
  })
  @IsDayOrDateTime()
  from!: string;

  @ApiProperty({
    example: '2026-12-01',
    description: 'End (Beijing), exclusive; a date-time after midnight counts its whole day',
  })
  @IsDayOrDateTime()
  to!: string;

  @ApiPropertyOptional({ enum: GROUP_BYS, default: 'unit' })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy: GroupBy = 'unit';

  @ApiPropertyOptional({ enum: REQUESTER_KINDS, description: 'Only citizens’ or only enterprises’ demands' })
  @IsOptional()
  @IsIn(REQUESTER_KINDS)
  requesterKind?: RequesterKind;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format: 'json' | 'csv' = 'json';
}

export class KpiMissesQueryDto extends PageQueryDto {
  @ApiProperty({ enum: METRICS }) @IsIn(METRICS) metric!: Metric;
  @ApiProperty({ example: '2026-11-01', description: 'As in the five rates' }) @IsDayOrDateTime() from!: string;
  @ApiProperty({ example: '2026-12-01', description: 'As in the five rates' }) @IsDayOrDateTime() to!: string;
  @ApiPropertyOptional({ enum: GROUP_BYS }) @IsOptional() @IsIn(GROUP_BYS) groupBy?: GroupBy;
  @ApiPropertyOptional({ description: 'A row of the five-rates table (with groupBy)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  groupKey?: string;
  @ApiPropertyOptional({ enum: REQUESTER_KINDS, description: 'Only citizens’ or only enterprises’ demands' })
  @IsOptional()
  @IsIn(REQUESTER_KINDS)
  requesterKind?: RequesterKind;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format:
    'json' | 'csv' = 'json';
}

export class KpiLiveQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format:
    'json' | 'csv' = 'json';
}

export class RateDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.975,
    description: 'numerator ÷ denominator; null when the denominator is 0',
  })
  rate!: number | null;
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
  @ApiProperty({ description: 'Inside their deadline and not yet done: in neither numerator nor denominator' })
  pending!: number;
}

export class FiveRatesRowDto {
  @ApiProperty() groupKey!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ type: RateDto, description: '按时交办率' }) onTimeDispatch!: RateDto;
  @ApiProperty({ type: RateDto, description: '交办准确率' }) dispatchAccuracy!: RateDto;
  @ApiProperty({ type: RateDto, description: '及时回应率' }) timelyResponse!: RateDto;
  @ApiProperty({ type: RateDto, description: '合理诉求回访率' }) reasonableCallback!: RateDto;
  @ApiProperty({ type: RateDto, description: '跟踪督办率' }) trackedSupervision!: RateDto;
}

export class FiveRatesDto {
  @ApiProperty({ type: [FiveRatesRowDto] }) items!: FiveRatesRowDto[];
  @ApiProperty() total!: number;
}

export class ThreeRatesRowDto {
  @ApiProperty() groupKey!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ type: RateDto, description: '响应率' }) response!: RateDto;
  @ApiProperty({ type: RateDto, description: '解决率' }) resolution!: RateDto;
  @ApiProperty({ type: RateDto, description: '满意率' }) satisfaction!: RateDto;
}

export class ThreeRatesDto {
  @ApiProperty({ type: [ThreeRatesRowDto] }) items!: ThreeRatesRowDto[];
  @ApiProperty() total!: number;
}

export class MissedCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) doneAt!: string | null;
  @ApiProperty({ example: 'citizen not contacted by the response deadline' }) why!: string;
}

export class MissesDto {
  @ApiProperty({ type: [MissedCaseDto] }) items!: MissedCaseDto[];
  @ApiProperty() total!: number;
}

export class KpiReportQueryDto {
  @ApiProperty({ example: '2026-11', description: 'The month reviewed (Beijing), YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ enum: REPORT_GROUP_BYS, default: 'unit' })
  @IsOptional()
  @IsIn(REPORT_GROUP_BYS)
  groupBy: 'unit' | 'district' = 'unit';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format:
    'json' | 'csv' = 'json';
}

class ReportRatesDto {
  @ApiProperty({ type: RateDto, description: '按时交办率' }) onTimeDispatch!: RateDto;
  @ApiProperty({ type: RateDto, description: '交办准确率' }) dispatchAccuracy!: RateDto;
  @ApiProperty({ type: RateDto, description: '及时回应率' }) timelyResponse!: RateDto;
  @ApiProperty({ type: RateDto, description: '合理诉求回访率' }) reasonableCallback!: RateDto;
  @ApiProperty({ type: RateDto, description: '跟踪督办率' }) trackedSupervision!: RateDto;
  @ApiProperty({ type: RateDto, description: '响应率' }) response!: RateDto;
  @ApiProperty({ type: RateDto, description: '解决率' }) resolution!: RateDto;
  @ApiProperty({ type: RateDto, description: '满意率' }) satisfaction!: RateDto;
}

class ReportChangeDto {
  @ApiProperty({ nullable: true, type: Number }) onTimeDispatch!: number | null;
  @ApiProperty({ nullable: true, type: Number }) dispatchAccuracy!: number | null;
  @ApiProperty({ nullable: true, type: Number }) timelyResponse!: number | null;
  @ApiProperty({ nullable: true, type: Number }) reasonableCallback!: number | null;
  @ApiProperty({ nullable: true, type: Number }) trackedSupervision!: number | null;
  @ApiProperty({ nullable: true, type: Number }) response!: number | null;
  @ApiProperty({ nullable: true, type: Number }) resolution!: number | null;
  @ApiProperty({ nullable: true, type: Number }) satisfaction!: number | null;
}

class WorstMissDto {
  @ApiProperty({ enum: [...METRICS, ...THREE_RATES] }) rate!: string;
  @ApiProperty() misses!: number;
}

export class ReportRowDto {
  @ApiProperty() groupKey!: string;
  @ApiProperty() groupName!: string;
  @ApiProperty({ description: '1 = best (by score); equal scores share a rank; no score ranks last' }) rank!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The mean of the five rates that have a denominator' })
  score!: number | null;
  @ApiProperty({ type: ReportRatesDto, description: 'The five rates and the three rates of the month' })
  rates!: ReportRatesDto;
  @ApiProperty({ type: ReportChangeDto, description: 'Rate minus last month’s (0.05 = five points up); null: no rate' })
  change!: ReportChangeDto;
  @ApiProperty({ type: [WorstMissDto], description: 'The rates with the most misses, most first (at most three)' })
  worstMisses!: WorstMissDto[];
}

export class MonthlyReportDto {
  @ApiProperty({ example: '2026-11' }) month!: string;
  @ApiProperty({ example: '2026-10' }) previousMonth!: string;
  @ApiProperty({ enum: REPORT_GROUP_BYS }) groupBy!: string;
  @ApiProperty({ type: [ReportRowDto] }) items!: ReportRowDto[];
  @ApiProperty() total!: number;
}
