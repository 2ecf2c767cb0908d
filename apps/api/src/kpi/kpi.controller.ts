import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@hotline/auth';
import {
  KpiReportsService,
  LiveFigures,
  LiveFiguresService,
  type Period,
  reportPeriod,
  viewerScope,
} from '@hotline/kpi';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { sendCsv } from '../http/csv';
import { fiveRatesCsv, liveCsv, missesCsv, monthlyReportCsv, threeRatesCsv } from './kpi-csv';
import {
  FiveRatesDto,
  KpiLiveQueryDto,
  KpiMissesQueryDto,
  KpiPeriodQueryDto,
  KpiReportQueryDto,
  MissesDto,
  MonthlyReportDto,
  ThreeRatesDto,
} from './dto/kpi.dto';

/**
 * The five 100% targets, the three rates and today's figures (docs/kpi.md; docs/api.md). Handlers see their own
 * unit only. Every answer is also available as CSV (`format=csv`).
 */
@ApiTags('kpi')
@Controller('kpi')
@Roles(...ALL_ROLES)
@ApiProduces('application/json', 'text/csv')
export class KpiController {
  constructor(
    private readonly kpi: KpiReportsService,
    private readonly live: LiveFiguresService,
  ) {}

  @Get('five-rates')
  @ApiOperation({
    summary: 'The five rates for a period, grouped by unit, district, street, hotline, category, day or requester kind',
  })
  @ApiOkResponse({ type: FiveRatesDto })
  async fiveRates(
    @Query() q: KpiPeriodQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiveRatesDto | void> {
    const filter = { ...viewerScope(viewer, q.groupBy), requesterKind: q.requesterKind };
    const period = reportPeriod(q.from, q.to);
    const items = await this.kpi.fiveRates(period, q.groupBy, filter);
    if (q.format === 'csv')
      return sendCsv(res, `five-rates-${periodName(period)}-${q.groupBy}.csv`, fiveRatesCsv(items));
    return { items, total: items.length };
  }

  @Get('five-rates/misses')
  @ApiOperation({ summary: 'The cases that missed a metric in a period (optionally one row of the table), with why' })
  @ApiOkResponse({ type: MissesDto })
  async misses(
    @Query() q: KpiMissesQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MissesDto | void> {
    const filter = { ...viewerScope(viewer), requesterKind: q.requesterKind };
    const period = reportPeriod(q.from, q.to);
    const page = await this.kpi.misses(q.metric, period, q, filter);
    if (q.format === 'csv') return sendCsv(res, `misses-${q.metric}-${periodName(period)}.csv`, missesCsv(page.items));
    return page;
  }

  @Get('three-rates')
  @ApiOperation({ summary: 'Response, resolution and satisfaction rates (响应率 / 解决率 / 满意率)' })
  @ApiOkResponse({ type: ThreeRatesDto })
  async threeRates(
    @Query() q: KpiPeriodQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ThreeRatesDto | void> {
    const filter = { ...viewerScope(viewer, q.groupBy), requesterKind: q.requesterKind };
    const period = reportPeriod(q.from, q.to);
    const items = await this.kpi.threeRates(period, q.groupBy, filter);
    if (q.format === 'csv')
      return sendCsv(res, `three-rates-${periodName(period)}-${q.groupBy}.csv`, threeRatesCsv(items));
    return { items, total: items.length };
  }

  @Get('report')
  @ApiOperation({
    summary: 'The monthly review (点评): each unit’s or district’s five and three rates, change from last month, rank',
  })
  @ApiOkResponse({ type: MonthlyReportDto })
  async report(
    @Query() q: KpiReportQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MonthlyReportDto | void> {
    const report = await this.kpi.monthly(q.month, q.groupBy, viewerScope(viewer, q.groupBy));
    if (q.format === 'csv') return sendCsv(res, `report-${q.month}-${q.groupBy}.csv`, monthlyReportCsv(report));
    return { ...report, total: report.items.length };
  }

  @Get('live')
  @ApiOperation({ summary: 'Today: calls, answered rate, cases, open, at risk, overdue, per hotline' })
  @ApiOkResponse({ description: 'Live figures' })
  async today(
    @Query() q: KpiLiveQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LiveFigures | void> {
    const figures = await this.live.today(viewerScope(viewer));
    if (q.format === 'csv') return sendCsv(res, `live-${figures.day}.csv`, liveCsv(figures));
    return figures;
  }
}

/** The days a report covers, for its file name: the days asked, however they were written. */
function periodName(period: Period): string {
  return `${period.from}-${period.to}`;
}
