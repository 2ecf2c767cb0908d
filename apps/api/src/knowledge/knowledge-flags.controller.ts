import { Body, Controller, Get, Post, Query } from '@nestjs/common';
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
import { KnowledgeFlagsService } from '@hotline/knowledge';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import {
  FlagKnowledgeEntryDto,
  KnowledgeFlagDto,
  KnowledgeFlagPageDto,
  KnowledgeFlagQueryDto,
  KnowledgeReviewDueQueryDto,
  ResolveKnowledgeFlagDto,
  ReviewDuePageDto,
} from './dto/knowledge-answering.dto';

/**
 * Keeping entries right (docs/api.md, "Knowledge base"): flags from the floor to the owning unit, and
 * entries due for review. Registered before KnowledgeController, so `flags` and `review-due` are not
 * read as an entry's id.
 */
@ApiTags('knowledge')
@Controller('knowledge')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class KnowledgeFlagsController {
  constructor(private readonly flags: KnowledgeFlagsService) {}

  @Get('flags')
  @Roles('handler', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Flags on entries, newest first; a handler sees only their unit’s' })
  @ApiOkResponse({ type: KnowledgeFlagPageDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: '`knowledge.other_unit`: another unit, as a handler' })
  list(@Query() query: KnowledgeFlagQueryDto, @CurrentPrincipal() viewer: Principal): Promise<KnowledgeFlagPageDto> {
    return this.flags.list({ unitCode: query.unitCode, status: query.status }, viewer, query);
  }

  @Get('review-due')
  @Roles('handler', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Published entries past their review-by day, most overdue first; a handler: their unit’s' })
  @ApiOkResponse({ type: ReviewDuePageDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: '`knowledge.other_unit`: another unit, as a handler' })
  reviewDue(
    @Query() query: KnowledgeReviewDueQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ReviewDuePageDto> {
    return this.flags.reviewDue(query.unitCode, viewer, query);
  }

  @Post('flags/:flagId/resolve')
  @Idempotent()
  @Roles('handler', 'supervisor')
  @ApiOperation({ summary: 'Resolve a flag: the owning unit’s handlers, or a supervisor' })
  @ApiCreatedResponse({ type: KnowledgeFlagDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or another unit’s (a handler)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`knowledge.flag_resolved`' })
  resolve(
    @UuidParam('flagId') flagId: string,
    @Body() body: ResolveKnowledgeFlagDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeFlagDto> {
    return this.flags.resolve(flagId, body.note, user);
  }

  @Post(':id/flags')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Flag an entry as wrong, outdated or unclear: its owning unit is told on its own inbox topic',
  })
  @ApiCreatedResponse({ type: KnowledgeFlagDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  flag(
    @UuidParam('id') id: string,
    @Body() body: FlagKnowledgeEntryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeFlagDto> {
    return this.flags.flag(id, body, user);
  }
}
