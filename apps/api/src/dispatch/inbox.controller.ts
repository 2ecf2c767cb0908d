import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { AssigneesService, InboxService, TransfersService } from '@hotline/dispatch';
import { parseDueFilter } from '@hotline/dispatch/domain';
import { TransferDto } from '../cases/dto/call.dto';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { AssignmentDto, AssignRequestDto, InboxPageDto, InboxQueryDto } from './dto/dispatch.dto';

@ApiTags('units')
@Controller()
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly transfers: TransfersService,
    private readonly assignees: AssigneesService,
  ) {}

  @Get('units/:code/inbox')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'A unit’s work list: open orders and transfers, filtered by due time, stage and assignee, with counts',
  })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A handler of another unit' })
  open(
    @Param('code') code: string,
    @Query() query: InboxQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<InboxPageDto> {
    const { due, state, assignee, sort } = query;
    return this.inbox.open(
      {
        unitCode: code,
        due: due === undefined ? undefined : (parseDueFilter(due) ?? undefined),
        stage: state,
        assignee: assignee === 'me' ? viewer.userId : assignee,
        sort,
      },
      viewer,
      query,
    );
  }

  @Post('cases/:id/assign')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({ summary: 'Give the unit’s order on a case to a handler of the unit (assign or reassign)' })
  @ApiCreatedResponse({ type: AssignmentDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: '`userId` is not an active handler of the unit' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The unit holds no active order on the case' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not a case of the handler’s unit' })
  assign(
    @UuidParam('id') id: string,
    @Body() body: AssignRequestDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<AssignmentDto> {
    return this.assignees.assign(id, body.userId, handler);
  }

  @Post('transfers/:id/acknowledge')
  @Roles('handler', 'supervisor')
  @ApiOperation({ summary: 'The utility acknowledges a one-click transfer' })
  @ApiCreatedResponse({ type: TransferDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or a transfer to another unit' })
  acknowledge(@UuidParam('id') id: string, @CurrentPrincipal() handler: Principal): Promise<TransferDto> {
    return this.transfers.acknowledge(id, handler);
  }
}
