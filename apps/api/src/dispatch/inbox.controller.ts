import { Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { InboxService, TransfersService } from '@hotline/dispatch';
import { TransferDto } from '../cases/dto/call.dto';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { InboxPageDto } from './dto/dispatch.dto';

@ApiTags('units')
@Controller()
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly transfers: TransfersService,
  ) {}

  @Get('units/:code/inbox')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A unit’s open orders and transfers (projected from hotline.dispatch.v1)' })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A handler of another unit' })
  open(
    @Param('code') code: string,
    @Query() page: PageQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<InboxPageDto> {
    return this.inbox.open(code, viewer, page);
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
