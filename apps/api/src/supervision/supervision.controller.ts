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
import { SupervisionService } from '@hotline/supervision';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import {
  IssueSupervisionDto,
  SupervisionReplyDto,
  SupervisionQueryDto,
  SupervisionDto,
  SupervisionPageDto,
} from './dto/supervision.dto';

@ApiTags('supervision')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('supervisions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Supervision orders (督办); a handler sees its own unit’s' })
  @ApiOkResponse({ type: SupervisionPageDto })
  list(@Query() query: SupervisionQueryDto, @CurrentPrincipal() viewer: Principal): Promise<SupervisionPageDto> {
    return this.supervision.list(query, viewer);
  }

  @Post('cases/:id/supervisions')
  @Idempotent()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Issue a supervision order by hand' })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  issue(
    @UuidParam('id') id: string,
    @Body() body: IssueSupervisionDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.issueByHand(id, body.level, body.note, body.dueAt, supervisor);
  }

  @Post('supervisions/:id/reply')
  @Idempotent()
  @Roles('handler', 'supervisor')
  @ApiOperation({ summary: 'The unit answers the order' })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  reply(
    @UuidParam('id') id: string,
    @Body() body: SupervisionReplyDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.reply(id, body.note, viewer);
  }

  @Post('supervisions/:id/close')
  @Idempotent()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Close an order' })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  close(@UuidParam('id') id: string, @CurrentPrincipal() supervisor: Principal): Promise<SupervisionDto> {
    return this.supervision.close(id, supervisor);
  }
}
