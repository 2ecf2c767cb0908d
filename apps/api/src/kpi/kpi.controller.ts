import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@hotline/auth';
import { DomainError } from '@hotline/core';
import { KpiQueries, LiveFigures, LiveFiguresService, METRICS, Period, Scope } from '@hotline/kpi';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ratio, sendCsv } from './csv';
import {
  FiveRatesDto,
  KpiLiveQueryDto,
  KpiMissesQueryDto,
  KpiPeriodQueryDto,
  MissesDto,
  ThreeRatesDto,
} from './kpi.dto';

/**
 * The five 100% targets, the three rates and today's figures (SPEC §5, §7). Handlers see their own
 * unit only. Every answer is also available as CSV (`format=csv`).
 */
@ApiTags('kpi')
@Controller('kpi')
@Roles(...ALL_ROLES)
@ApiProduces('application/json', 'text/csv')
export class KpiController {
  constructor(
    private readonly kpi: KpiQueries,
    private readonly live: LiveFiguresService,
  ) {}

  @Get('five-rates')
  @ApiOperation({ summary: 'The five rates for a period, grouped by unit, district, street, hotline, category or day' })
  @ApiOkResponse({ type: FiveRatesDto })
  async fiveRates(
    @Query() q: KpiPeriodQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FiveRatesDto | void> {
    const items = await this.kpi.fiveRates(period(q), q.groupBy, scopeOf(viewer, q.groupBy));
    if (q.format === 'csv') {
      const header = [
        'groupKey',
        'groupName',
        ...METRICS.flatMap((m) => [`${m}.rate`, `${m}.numerator`, `${m}.denominator`, `${m}.pending`]),
      ];
      return sendCsv(
        res,
        `five-rates-${q.from}-${q.to}-${q.groupBy}.csv`,
        header,
        items.map((r) => [
          r.groupKey,
          r.groupName,
          ...METRICS.flatMap((m) => [ratio(r[m].rate), r[m].numerator, r[m].denominator, r[m].pending]),
        ]),
      );
    }
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
    const page = await this.kpi.misses(q.metric, period(q), q, scopeOf(viewer));
    if (q.format === 'csv') {
      return sendCsv(
        res,
        `misses-${q.metric}-${q.from}-${q.to}.csv`,
        ['caseNumber', 'caseId', 'unitCode', 'dueAt', 'doneAt', 'why'],
        page.items.map((m) => [m.caseNumber, m.caseId, m.unitCode, m.dueAt, m.doneAt, m.why]),
      );
    }
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
    const items = await this.kpi.threeRates(period(q), q.groupBy, scopeOf(viewer, q.groupBy));
    if (q.format === 'csv') {
      const header = [
        'groupKey',
        'groupName',
        ...['response', 'resolution', 'satisfaction'].flatMap((k) => [
          `${k}.rate`,
          `${k}.numerator`,
          `${k}.denominator`,
        ]),
      ];
      return sendCsv(
        res,
        `three-rates-${q.from}-${q.to}-${q.groupBy}.csv`,
        header,
        items.map((r) => [
          r.groupKey,
          r.groupName,
          ...[r.response, r.resolution, r.satisfaction].flatMap((x) => [ratio(x.rate), x.numerator, x.denominator]),
        ]),
      );
    }
    return { items, total: items.length };
  }

  @Get('live')
  @ApiOperation({ summary: 'Today: calls, answered rate, cases, open, at risk, overdue, per hotline' })
  @ApiOkResponse({ description: 'Live figures' })
  async today(
    @Query() q: KpiLiveQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LiveFigures | void> {
    const figures = await this.live.today(viewer.role === 'handler' ? { unitCode: viewer.unitCode ?? '' } : {});
    if (q.format === 'csv') {
      return sendCsv(
        res,
        `live-${figures.day}.csv`,
        ['hotline', 'name', 'calls', 'answered', 'cases'],
        figures.byHotline.map((h) => [h.hotline, h.name, h.calls, h.answered, h.cases]),
      );
    }
    return figures;
  }
}

function period(q: { from: string; to: string }): Period {
  if (q.from >= q.to) throw DomainError.invalidField('to', 'must be after from');
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (!Number.isFinite(days)) throw DomainError.invalidField('from', 'must be a real date');
  if (days > 400) throw DomainError.invalidField('to', 'the period may span at most 400 days');
  return { from: q.from, to: q.to };
}

/** Handlers: their own unit, grouped by unit (the rollups keep one unit per case). */
function scopeOf(viewer: Principal, groupBy?: string): Scope {
  if (viewer.role !== 'handler') return {};
  if (groupBy !== undefined && groupBy !== 'unit')
    throw DomainError.invalidField('groupBy', 'a handler sees its own unit’s figures, grouped by unit');
  return { unitCode: viewer.unitCode ?? '' };
}
