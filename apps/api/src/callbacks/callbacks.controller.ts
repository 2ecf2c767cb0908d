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
import { CallbackClaimsService, CallbacksService } from '@hotline/callbacks';
import { CaseViewsService } from '@hotline/cases';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CaseDto } from '../cases/dto/case.dto';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { CallbackClaimDto, CallbackDto, DuePageDto, DueQueryDto, UnreasonableDto } from './dto/callbacks.dto';

@ApiTags('callbacks')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CallbacksController {
  constructor(
    private readonly callbacks: CallbacksService,
    private readonly claims: CallbackClaimsService,
    private readonly views: CaseViewsService,
  ) {}

  @Get('callbacks/due')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'The callback queue (回访): resolved cases and cases past their resolve deadline, soonest due first',
  })
  @ApiOkResponse({ type: DuePageDto })
  due(@Query() page: DueQueryDto, @CurrentPrincipal() agent: Principal): Promise<DuePageDto> {
    return this.callbacks.due(agent, page);
  }

  @Post('cases/:id/callback/claim')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Claim a due callback before ringing the citizen (held 10 minutes, renewed by claiming again)',
  })
  @ApiCreatedResponse({ type: CallbackClaimDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not due a callback, or another agent’s' })
  claim(@UuidParam('id') id: string, @CurrentPrincipal() agent: Principal): Promise<CallbackClaimDto> {
    return this.claims.claim(id, agent);
  }

  @Post('cases/:id/callback')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary:
      'Record a callback: solved and satisfied closes; unsolved or unsatisfied reopens and triggers supervision; 3 unreachable close',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async record(
    @UuidParam('id') id: string,
    @Body() body: CallbackDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.callbacks.record(id, body, agent), agent);
  }

  @Post('cases/:id/unreasonable')
  @Idempotent()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Mark a demand unreasonable (not 合理诉求), with a reason, before its callback' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async unreasonable(
    @UuidParam('id') id: string,
    @Body() body: UnreasonableDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.callbacks.markUnreasonable(id, body.reason, supervisor), supervisor);
  }
}
