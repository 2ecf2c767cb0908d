import { Body, Controller, Get, Post } from '@nestjs/common';
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
import { CaseCorrectionsService, CaseNotesService, CaseViewsService } from '@hotline/cases';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { CorrectionRequestDto, CaseNoteDto, CaseNoteListDto, CaseNoteRequestDto } from './dto/case-correction.dto';
import { CaseDto } from './dto/case.dto';

/** The centre's corrections of a registered case and the internal notes on it (docs/api.md, "Corrections and notes"). */
@ApiTags('cases')
@Controller('cases/:id')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not a case of the handler’s unit' })
export class CaseCorrectionsController {
  constructor(
    private readonly corrections: CaseCorrectionsService,
    private readonly notes: CaseNotesService,
    private readonly views: CaseViewsService,
  ) {}

  @Post('corrections')
  @Idempotent()
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'Correct category, urgency or place, with a reason; a new category or urgency re-times the deadlines',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A finished case, or changed concurrently' })
  async correct(
    @UuidParam('id') id: string,
    @Body() body: CorrectionRequestDto,
    @CurrentPrincipal() staff: Principal,
  ): Promise<CaseDto> {
    const { reason, ...request } = body;
    return this.views.show(await this.corrections.correct(id, request, reason, staff), staff);
  }

  @Post('notes')
  @Idempotent()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Add an internal note, for the centre only or also for the case’s units' })
  @ApiCreatedResponse({ type: CaseNoteDto })
  addNote(
    @UuidParam('id') id: string,
    @Body() body: CaseNoteRequestDto,
    @CurrentPrincipal() author: Principal,
  ): Promise<CaseNoteDto> {
    return this.notes.add(id, body.text, body.visibility, author);
  }

  @Get('notes')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The case’s internal notes the reader may see, oldest first' })
  @ApiOkResponse({ type: CaseNoteListDto })
  async listNotes(@UuidParam('id') id: string, @CurrentPrincipal() reader: Principal): Promise<CaseNoteListDto> {
    const items = await this.notes.list(id, reader);
    return { items, total: items.length };
  }
}
