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
import { AbandonedCallsService, CallEntity, CallsService } from '@hotline/cases';
import { ReferenceDataService } from '@hotline/directory';
import { TransfersService } from '@hotline/dispatch';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import {
  AbandonedCallDto,
  AbandonedCallPageDto,
  CallBackQueryDto,
  CallBackRequestDto,
  CallDto,
  CallOutcomeDto,
  CallOutcomeRequestDto,
  CreateCallDto,
  TransferDto,
  TransferRequestDto,
} from './dto/call.dto';

@ApiTags('calls')
@Controller('calls')
@Roles('agent', 'supervisor')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly abandoned: AbandonedCallsService,
    private readonly transfers: TransfersService,
    private readonly reference: ReferenceDataService,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Take a call: resolves the line it came in on (12345, a merged line, or a utility overflow)',
    description:
      'With `externalCallId`, the call and the telephony system’s events for it are one call, whichever arrives ' +
      'first; the same `externalCallId` again answers that call.',
  })
  @ApiCreatedResponse({ type: CallDto })
  async take(@Body() body: CreateCallDto, @CurrentPrincipal() agent: Principal): Promise<CallDto> {
    return this.toDto(await this.calls.take(body, agent));
  }

  @Get('abandoned')
  @ApiOperation({
    summary: 'The call-back queue (漏接回拨): abandoned calls, soonest due first, with how many are open and overdue',
  })
  @ApiOkResponse({ type: AbandonedCallPageDto })
  async abandonedCalls(
    @Query() q: CallBackQueryDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<AbandonedCallPageDto> {
    const page = await this.abandoned.queue(q, agent);
    return { ...page, items: await Promise.all(page.items.map((call) => this.toAbandonedDto(call))) };
  }

  @Post(':id/claim')
  @Idempotent()
  @ApiOperation({ summary: 'Claim an abandoned call to call back (held 10 minutes, renewed by claiming again)' })
  @ApiCreatedResponse({ type: AbandonedCallDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Not abandoned, already called back, or another agent’s',
  })
  async claim(@UuidParam('id') id: string, @CurrentPrincipal() agent: Principal): Promise<AbandonedCallDto> {
    return this.toAbandonedDto(await this.abandoned.claim(id, agent));
  }

  @Post(':id/call-back')
  @Idempotent()
  @ApiOperation({ summary: 'Record the call back of an abandoned call: reached or unreachable' })
  @ApiCreatedResponse({ type: AbandonedCallDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Not abandoned, already called back, or another agent’s',
  })
  async callBack(
    @UuidParam('id') id: string,
    @Body() body: CallBackRequestDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<AbandonedCallDto> {
    return this.toAbandonedDto(await this.abandoned.record(id, body, agent));
  }

  @Post(':id/transfer')
  @Idempotent()
  @ApiOperation({
    summary: 'One-click transfer (一键转接) of the caller to a utility line; the call’s case becomes transferred',
    description:
      'A call without a case yet is registered by the transfer itself (a help request by phone from the caller’s ' +
      'number) when the body gives its category, place and summary; otherwise such a call is a 409 ' +
      '`call.not_registered`.',
  })
  @ApiCreatedResponse({ type: TransferDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'No case registered for the call and no category and place given, or the case is past registration',
  })
  transfer(
    @UuidParam('id') id: string,
    @Body() body: TransferRequestDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<TransferDto> {
    const { utilityCode, summary, ...demand } = body;
    return this.transfers.transfer(id, utilityCode, summary, agent, demand);
  }

  @Post(':id/outcome')
  @Idempotent()
  @ApiOperation({
    summary: 'Hand an emergency to 110/119/120/122, or record that the caller was told the route elsewhere',
    description:
      'Risks to life, fires, crimes and road accidents go to their emergency line at once; demands that belong ' +
      'to courts, arbitration, 信访 or disciplinary bodies are told their route. Recorded on the call; the same ' +
      'outcome again answers the one recorded.',
  })
  @ApiCreatedResponse({ type: CallOutcomeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async outcome(
    @UuidParam('id') id: string,
    @Body() body: CallOutcomeRequestDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CallOutcomeDto> {
    const { id: outcomeId, callId, kind, target, note, recordedAt } = await this.calls.recordOutcome(id, body, agent);
    return { id: outcomeId, callId, kind, target, note, recordedAt };
  }

  private async toDto(call: CallEntity): Promise<CallDto> {
    const hotline = (await this.reference.snapshot()).hotlines.get(call.sourceHotlineCode)!;
    return {
      id: call.id,
      dialedNumber: call.dialedNumber,
      callerNumber: call.callerNumber,
      startedAt: call.startedAt,
      status: call.status,
      sourceHotline: { code: hotline.code, number: hotline.number, name: hotline.name, kind: hotline.kind },
      overflowFrom: call.overflowFrom,
      caseId: call.caseId,
      externalCallId: call.ctiCallId,
    };
  }

  private async toAbandonedDto(call: CallEntity): Promise<AbandonedCallDto> {
    return {
      ...(await this.toDto(call)),
      abandonedAt: call.abandonedAt!,
      callBackDueAt: call.callBackDueAt!,
      callBackClaimedBy: call.callBackClaimedBy,
      callBackClaimedAt: call.callBackClaimedAt,
      calledBackAt: call.calledBackAt,
      callBackOutcome: call.callBackOutcome,
    };
  }
}
