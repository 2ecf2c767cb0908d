import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { CaseActionsService, CaseQueriesService, CaseRegistrationService, toCaseView } from '@hotline/cases';
import { DomainError } from '@hotline/core';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { UuidParam } from '../http/uuid-param';
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
    private readonly actions: CaseActionsService,
    private readonly queries: CaseQueriesService,
  ) {}

  @Post()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Register a demand',
    description:
      'A demand from the same caller, category and place while that caller’s case is open joins it (并单): no case is ' +
      'created, the answer is the open case with `merged: true` and `repeatOf` set to it. `forceNew` registers a new ' +
      'case anyway (not a first call; `repeatOf` points at the open case).',
  })
  @ApiCreatedResponse({ type: RegistrationDto })
  async register(@Body() body: CreateCaseDto, @CurrentPrincipal() agent: Principal): Promise<RegistrationDto> {
    const { case: c, repeatOf } = await this.registration.register(body, agent);
    return { ...toCaseView(c, agent), repeatOf, merged: repeatOf === c.id };
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Find cases (newest first); a handler sees only cases its unit is or was assigned' })
  @ApiOkResponse({ type: CasePageDto })
  list(@Query() query: CaseQueryDto, @CurrentPrincipal() viewer: Principal): Promise<CasePageDto> {
    if (query.callerPhone && viewer.role === 'handler') {
      throw DomainError.invalidField('callerPhone', 'is a filter for centre staff only', 'centre_only');
    }
    return this.queries.list(query, viewer);
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
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Answered on the call (直接办结): no dispatch' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async answer(
    @UuidParam('id') id: string,
    @Body() body: AnswerDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CaseDto> {
    return toCaseView(await this.actions.answer(id, body.reply, agent), agent);
  }
}
