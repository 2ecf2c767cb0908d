import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { CaseViewsService } from '@hotline/cases';
import { CoHandlersService, DispatchService, ForwardingService, ReturnsService } from '@hotline/dispatch';
import { CaseDto } from '../cases/dto/case.dto';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import {
  AddCoHandlerRequestDto,
  DispatchRequestDto,
  DispatchSuggestionsDto,
  ForwardRequestDto,
  ReturnDto,
  ReturnRequestDto,
  ReviewDto,
} from './dto/dispatch.dto';

@ApiTags('dispatch')
@Controller('cases/:id')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown case, or not a case of the handler’s unit' })
export class DispatchController {
  constructor(
    private readonly dispatching: DispatchService,
    private readonly returns: ReturnsService,
    private readonly forwarding: ForwardingService,
    private readonly coHandlers: CoHandlersService,
    private readonly views: CaseViewsService,
  ) {}

  @Get('dispatch-suggestions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'What the dispatch catalogue suggests for the case, and which rules it looked at' })
  @ApiOkResponse({ type: DispatchSuggestionsDto })
  suggestions(@UuidParam('id') id: string, @CurrentPrincipal() viewer: Principal): Promise<DispatchSuggestionsDto> {
    return this.dispatching.suggest(id, viewer);
  }

  @Post('dispatch')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Dispatch (派单) to a lead unit and co-handlers; an empty body uses the catalogue' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Not in a state that can be dispatched, or changed concurrently',
  })
  async dispatch(
    @UuidParam('id') id: string,
    @Body() body: DispatchRequestDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.dispatching.dispatch(id, body, agent), agent);
  }

  @Post('forward')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({
    summary:
      'The lead street forwards a signed case to one of its communities/villages (转派), under its own deadlines',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the lead unit' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not signed yet, finished, or changed concurrently' })
  async forward(
    @UuidParam('id') id: string,
    @Body() body: ForwardRequestDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.forwarding.forward(id, body.unitCode, body.note, handler), handler);
  }

  @Post('co-handlers')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Add a co-handler after dispatch (加派), with its own report deadline' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not being worked by units, or changed concurrently' })
  async addCoHandler(
    @UuidParam('id') id: string,
    @Body() body: AddCoHandlerRequestDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.coHandlers.add(id, body, agent), agent);
  }

  @Post('return')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({ summary: 'The lead unit asks to return the case (退单)' })
  @ApiCreatedResponse({ type: ReturnDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not the lead unit' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  requestReturn(
    @UuidParam('id') id: string,
    @Body() body: ReturnRequestDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<ReturnDto> {
    return this.returns.request(id, body, handler);
  }

  @Post('returns/:returnId/review')
  @Idempotent()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Approve (back to registered for re-dispatch; orders cancelled) or reject a return' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async review(
    @UuidParam('id') id: string,
    @UuidParam('returnId') returnId: string,
    @Body() body: ReviewDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.returns.review(id, returnId, body.approve, body.note, supervisor), supervisor);
  }
}
