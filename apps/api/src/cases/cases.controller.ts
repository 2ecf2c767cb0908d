import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@hotline/auth';
import { CaseQueriesService, CaseRegistrationService, CaseViewsService } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { KnowledgeAnswersService } from '@hotline/knowledge';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { sendCsv } from '../http/csv';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { casesCsv } from './cases-csv';
import {
  AnswerDto,
  CaseDetailDto,
  CaseDto,
  CasePageDto,
  CaseQueryDto,
  CreateCaseDto,
  RegistrationDto,
} from './dto/case.dto';

@ApiTags('cases')
@Controller('cases')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CasesController {
  constructor(
    private readonly registration: CaseRegistrationService,
    private readonly answers: KnowledgeAnswersService,
    private readonly queries: CaseQueriesService,
    private readonly views: CaseViewsService,
  ) {}

  @Post()
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Register a demand',
    description:
      'A demand from the same caller, category and place while that caller’s case is open joins it (并单): no case is ' +
      'created, the answer is the open case with `merged: true` and `repeatOf` set to it. `forceNew` registers a new ' +
      'case anyway (not a first call; `repeatOf` points at the open case). A `callId` that has a case already ' +
      'answers that case with `existing: true` and changes nothing (a call creates at most one case).',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The first request with this Idempotency-Key is still running (`idempotency.in_progress`)',
  })
  async register(@Body() body: CreateCaseDto, @CurrentPrincipal() agent: Principal): Promise<RegistrationDto> {
    const { case: c, repeatOf, existing } = await this.registration.register(body, agent);
    return { ...(await this.views.show(c, agent)), repeatOf, merged: !existing && repeatOf === c.id, existing };
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Find cases (newest first); a handler sees only cases its unit is or was assigned' })
  @ApiOkResponse({ type: CasePageDto })
  @ApiProduces('application/json', 'text/csv')
  async list(
    @Query() query: CaseQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CasePageDto | void> {
    if (query.callerPhone && viewer.role === 'handler') {
      throw DomainError.invalidField('callerPhone', 'is a filter for centre staff only', 'centre_only');
    }
    const page = await this.queries.list(query, viewer);
    if (query.format === 'csv') return sendCsv(res, 'cases.csv', casesCsv(page.items));
    return page;
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A case with its timeline' })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not a case of the handler’s unit' })
  detail(@UuidParam('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<CaseDetailDto> {
    return this.queries.detail(id, viewer);
  }

  @Post(':id/answer')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Answered on the call (直接办结): no dispatch',
    description:
      '`knowledgeEntryIds`: the entries the answer rests on; the case’s `answered` event and its citations name ' +
      'each at its published version now. One not published and in effect today is a 400 naming ' +
      '`knowledgeEntryIds.<i>` (`not_citable`).',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async answer(
    @UuidParam('id') id: string,
    @Body() body: AnswerDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.answers.answer(id, body.reply, body.knowledgeEntryIds ?? [], agent), agent);
  }
}
