import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
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
import { KnowledgeReadingService, KnowledgeSearchService, KnowledgeService } from '@hotline/knowledge';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import {
  CreateKnowledgeEntryDto,
  KnowledgeEntryDto,
  KnowledgeVersionPageDto,
  KnowledgeVersionQueryDto,
  PublishKnowledgeEntryDto,
  RetireKnowledgeEntryDto,
  UpdateKnowledgeEntryDto,
} from './dto/knowledge-entry.dto';
import { KnowledgeSearchPageDto, KnowledgeSearchQueryDto } from './dto/knowledge-search.dto';

const EDITORS = ['handler', 'supervisor', 'admin'] as const;

/** The knowledge base (docs/api.md, "Knowledge base"). */
@ApiTags('knowledge')
@Controller('knowledge')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class KnowledgeController {
  constructor(
    private readonly writing: KnowledgeService,
    private readonly reading: KnowledgeReadingService,
    private readonly searching: KnowledgeSearchService,
  ) {}

  // Before `:id`, so `search` is not read as an id.
  @Get('search')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Find entries for a question',
    description:
      'Published entries in effect today, best first: the words of the question (synonyms, traditional characters ' +
      'and full-width forms included; filler such as 请问/怎么/吗 ignored) and the title’s similarity, so a typo ' +
      'still finds it. `snippet` marks the matched words with <mark>.',
  })
  @ApiOkResponse({ type: KnowledgeSearchPageDto })
  search(
    @Query() query: KnowledgeSearchQueryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeSearchPageDto> {
    return this.searching.search(query, user);
  }

  @Post()
  @Idempotent()
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Write a draft (version 1); a handler only for their own unit' })
  @ApiCreatedResponse({ type: KnowledgeEntryDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`knowledge.ref_exists`' })
  create(@Body() body: CreateKnowledgeEntryDto, @CurrentPrincipal() user: Principal): Promise<KnowledgeEntryDto> {
    return this.writing.create(body, user);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'An entry: its newest version the reader may read, or `version`',
    description: 'Editors read every version; everyone else the published version and those before it.',
  })
  @ApiOkResponse({ type: KnowledgeEntryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, never published, or no such version' })
  read(
    @UuidParam('id') id: string,
    @Query() query: KnowledgeVersionQueryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeEntryDto> {
    return this.reading.read(id, user, query.version);
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOperation({
    summary: 'Edit: a new version from the current one; nothing changes what search finds until it is published',
    description: 'An edit that changes nothing adds no version and answers the current one.',
  })
  @ApiOkResponse({ type: KnowledgeEntryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`knowledge.retired`' })
  edit(
    @UuidParam('id') id: string,
    @Body() body: UpdateKnowledgeEntryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeEntryDto> {
    return this.writing.edit(id, body, user);
  }

  @Post(':id/publish')
  @Idempotent()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Publish the current version, or `version` (an earlier one: going back to it)' })
  @ApiCreatedResponse({ type: KnowledgeEntryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`knowledge.retired`, `knowledge.already_published`' })
  publish(
    @UuidParam('id') id: string,
    @Body() body: PublishKnowledgeEntryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeEntryDto> {
    return this.writing.publish(id, body.version, user);
  }

  @Post(':id/retire')
  @Idempotent()
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Retire: no longer found; still readable by id, for the answers that cited it' })
  @ApiCreatedResponse({ type: KnowledgeEntryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: '`knowledge.already_retired`' })
  retire(
    @UuidParam('id') id: string,
    @Body() body: RetireKnowledgeEntryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeEntryDto> {
    return this.writing.retire(id, body.reason, user);
  }

  @Get(':id/versions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The versions the reader may read, newest first' })
  @ApiOkResponse({ type: KnowledgeVersionPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  versions(
    @UuidParam('id') id: string,
    @Query() page: PageQueryDto,
    @CurrentPrincipal() user: Principal,
  ): Promise<KnowledgeVersionPageDto> {
    return this.reading.versions(id, user, page);
  }
}
