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
import { ATTACHMENT_TYPES, AttachmentsService, MAX_SUBMISSION_FILES, type Upload } from '@hotline/attachments';
import { CaseQueriesService } from '@hotline/cases';
import type { CitizenSession } from '@hotline/citizen-access';
import { OnlineIntakeService, type OnlineSubmissionEntity } from '@hotline/online-intake';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { CurrentCitizen } from './citizen.guard';
import { CitizenRoutes } from './citizen-routes';
import {
  NewPublicSubmissionDto,
  PublicAttachmentDto,
  PublicSubmissionDto,
  PublicSubmissionPageDto,
} from './dto/public-submission.dto';
import { FileUpload, UploadedFileOf } from '../attachments/file-upload';

/**
 * Citizens file demands themselves (docs/api.md, "Citizen submissions"): a submission enters the
 * agents' online queue with the proven number; photos and videos may follow while it waits.
 */
@ApiTags('citizens')
@Controller('public/submissions')
@CitizenRoutes()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class PublicSubmissionsController {
  constructor(
    private readonly intake: OnlineIntakeService,
    private readonly attachments: AttachmentsService,
    private readonly cases: CaseQueriesService,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'File a demand online: it waits for an agent, who decides within two hours' })
  @ApiCreatedResponse({ type: PublicSubmissionDto })
  async submit(
    @Body() body: NewPublicSubmissionDto,
    @CurrentCitizen() citizen: CitizenSession,
  ): Promise<PublicSubmissionDto> {
    const submission = await this.intake.submit({ ...body, channel: body.channel ?? 'web', phone: citizen.phone });
    return (await this.toDtos([submission]))[0];
  }

  @Get()
  @ApiOperation({ summary: 'The citizen’s own submissions, newest first' })
  @ApiOkResponse({ type: PublicSubmissionPageDto })
  async mine(@Query() page: PageQueryDto, @CurrentCitizen() citizen: CitizenSession): Promise<PublicSubmissionPageDto> {
    const { items, total } = await this.intake.list({ phone: citizen.phone }, page);
    return { items: await this.toDtos(items), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the citizen’s submissions: waiting, its case number, or the answer' })
  @ApiOkResponse({ type: PublicSubmissionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam('id') id: string, @CurrentCitizen() citizen: CitizenSession): Promise<PublicSubmissionDto> {
    return (await this.toDtos([await this.intake.own(id, citizen.phone)]))[0];
  }

  @Post(':id/attachments')
  @Idempotent()
  @FileUpload()
  @ApiOperation({
    summary: 'Add a photo or video to a waiting submission: typed by its bytes, a photo’s metadata (GPS) removed',
    description: `Accepted: ${Object.keys(ATTACHMENT_TYPES).join(', ')}; at most ${MAX_SUBMISSION_FILES} files.`,
  })
  @ApiCreatedResponse({ type: PublicAttachmentDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already decided, or its files are complete' })
  async attach(
    @UuidParam('id') id: string,
    @UploadedFileOf() upload: Upload,
    @CurrentCitizen() citizen: CitizenSession,
  ): Promise<PublicAttachmentDto> {
    const a = await this.attachments.attachToSubmission(id, upload, citizen.phone);
    return { id: a.id, mimeType: a.mimeType, size: a.size, fileName: a.fileName };
  }

  /** The submissions as the citizen sees them, with the numbers of the cases they became (one query). */
  private async toDtos(submissions: readonly OnlineSubmissionEntity[]): Promise<PublicSubmissionDto[]> {
    const caseIds = submissions.flatMap((s) => (s.caseId ? [s.caseId] : []));
    const cases = caseIds.length > 0 ? await this.cases.byIds(caseIds) : [];
    const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return submissions.map((s) => ({
      id: s.id,
      status: s.status,
      description: s.description ?? '',
      submittedAt: s.submittedAt,
      acceptDueAt: s.acceptDueAt,
      caseNumber: s.caseId ? (numbers.get(s.caseId) ?? null) : null,
      reply: s.reply,
    }));
  }
}
