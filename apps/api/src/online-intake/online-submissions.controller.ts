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
import { AttachmentsService } from '@hotline/attachments';
import type { Principal } from '@hotline/auth';
import { Clock } from '@hotline/clock';
import { dueBand, OnlineIntakeService, type OnlineSubmissionEntity } from '@hotline/online-intake';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { AttachmentListDto, toAttachmentDto } from '../attachments/attachment.dto';
import {
  AcceptSubmissionDto,
  AnswerSubmissionDto,
  OnlineSubmissionDto,
  OnlineSubmissionPageDto,
  SubmissionQueryDto,
} from './dto/online-submission.dto';

/**
 * The online intake queue (docs/api.md, "Online intake"): demands filed online wait here until an
 * agent accepts one as a case or answers it, within two hours.
 */
@ApiTags('online intake')
@Controller('online-submissions')
@Roles('agent', 'supervisor')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class OnlineSubmissionsController {
  constructor(
    private readonly intake: OnlineIntakeService,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Online submissions: `status=waiting` is the queue, the soonest due first' })
  @ApiOkResponse({ type: OnlineSubmissionPageDto })
  async list(@Query() query: SubmissionQueryDto): Promise<OnlineSubmissionPageDto> {
    const { items, total } = await this.intake.list({ status: query.status }, query);
    return { items: items.map((s) => this.toDto(s)), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One online submission, with what became of it' })
  @ApiOkResponse({ type: OnlineSubmissionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam('id') id: string): Promise<OnlineSubmissionDto> {
    return this.toDto(await this.intake.get(id));
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: 'The photos and videos the citizen sent with the submission' })
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async attachmentsOf(@UuidParam('id') id: string): Promise<AttachmentListDto> {
    const items = (await this.attachments.ofSubmission(id)).map(toAttachmentDto);
    return { items, total: items.length };
  }

  @Post(':id/accept')
  @Idempotent()
  @ApiOperation({
    summary: 'Accept: register the submission as a case (registration rules and repeat detection as for calls)',
  })
  @ApiCreatedResponse({ type: OnlineSubmissionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already accepted or answered' })
  async accept(
    @UuidParam('id') id: string,
    @Body() body: AcceptSubmissionDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<OnlineSubmissionDto> {
    return this.toDto(await this.intake.accept(id, body, agent));
  }

  @Post(':id/answer')
  @Idempotent()
  @ApiOperation({ summary: 'Answer the submission without a case (a consultation, from the knowledge base)' })
  @ApiCreatedResponse({ type: OnlineSubmissionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already accepted or answered' })
  async answer(
    @UuidParam('id') id: string,
    @Body() body: AnswerSubmissionDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<OnlineSubmissionDto> {
    return this.toDto(await this.intake.answer(id, body.reply, agent));
  }

  private toDto(s: OnlineSubmissionEntity): OnlineSubmissionDto {
    return {
      id: s.id,
      channel: s.channel,
      clientName: s.clientName,
      demandType: s.demandType,
      categoryCode: s.categoryCode,
      description: s.description,
      districtCode: s.districtCode,
      streetCode: s.streetCode,
      address: s.address,
      lat: s.lat,
      long: s.long,
      name: s.name,
      phone: s.phone,
      mediaUrl: s.mediaUrl,
      status: s.status,
      submittedAt: s.submittedAt,
      acceptDueAt: s.acceptDueAt,
      dueBand: s.status === 'waiting' ? dueBand(s.acceptDueAt, this.clock.now()) : null,
      caseId: s.caseId,
      reply: s.reply,
      decidedAt: s.decidedAt,
    };
  }
}
