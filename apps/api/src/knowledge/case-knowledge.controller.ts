import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { KnowledgeAnswersService } from '@hotline/knowledge';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { UuidParam } from '../http/uuid-param';
import { KnowledgeSuggestionsDto, KnowledgeSuggestionsQueryDto } from './dto/knowledge-answering.dto';

/** The knowledge base beside a case (docs/api.md, "Knowledge base"). */
@ApiTags('knowledge')
@Controller('cases')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CaseKnowledgeController {
  constructor(private readonly answers: KnowledgeAnswersService) {}

  @Get(':id/knowledge-suggestions')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Entries that may answer the case: its description searched like a question, its category first',
    description:
      'Published entries in effect today for the case’s requester (citizen or enterprise, and `both`), best first.',
  })
  @ApiOkResponse({ type: KnowledgeSuggestionsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  suggestions(
    @UuidParam('id') id: string,
    @Query() query: KnowledgeSuggestionsQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<KnowledgeSuggestionsDto> {
    return this.answers.suggestions(id, viewer, query.limit);
  }
}
