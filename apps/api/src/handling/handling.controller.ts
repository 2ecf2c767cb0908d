import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { CaseViewsService } from '@hotline/cases';
import { HandlingService } from '@hotline/handling';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CaseDto } from '../cases/dto/case.dto';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import {
  ApproveDto,
  ExtensionDto,
  ExtensionRequestDto,
  NoteDto,
  ResolveDto,
  ResultReviewDto,
} from './dto/handling.dto';

@ApiTags('handling')
@Controller('cases/:id')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown, or not a case of the handler’s unit' })
@ApiConflictResponse({ type: ErrorResponseDto, description: 'Wrong state, or changed concurrently (one of two wins)' })
export class HandlingController {
  constructor(
    private readonly handling: HandlingService,
    private readonly views: CaseViewsService,
  ) {}

  @Post('sign')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({
    summary: 'Sign (签收) the order: the lead moves the case to signed; a co-handler signs its own order',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  async sign(@UuidParam('id') id: string, @CurrentPrincipal() handler: Principal): Promise<CaseDto> {
    return this.views.show(await this.handling.sign(id, handler), handler);
  }

  @Post('respond')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({ summary: 'Respond (响应): the lead unit’s first contact with the citizen' })
  @ApiCreatedResponse({ type: CaseDto })
  async respond(
    @UuidParam('id') id: string,
    @Body() body: NoteDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.handling.respond(id, body.note, handler), handler);
  }

  @Post('co-reports')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({ summary: 'A co-handler (协办) reports its part' })
  @ApiCreatedResponse({ type: CaseDto })
  async report(
    @UuidParam('id') id: string,
    @Body() body: NoteDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.handling.reportPart(id, body.note, handler), handler);
  }

  @Post('extensions')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({ summary: 'Ask for more time to resolve (延期)' })
  @ApiCreatedResponse({ type: ExtensionDto })
  extend(
    @UuidParam('id') id: string,
    @Body() body: ExtensionRequestDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<ExtensionDto> {
    return this.handling.requestExtension(id, body.hours, body.reason, handler);
  }

  @Post('extensions/:extensionId/review')
  @Idempotent()
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Approve (the resolve deadline moves; a deadline_changed event records why) or reject an extension',
  })
  @ApiCreatedResponse({ type: CaseDto })
  async review(
    @UuidParam('id') id: string,
    @UuidParam('extensionId') extensionId: string,
    @Body() body: ApproveDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.handling.reviewExtension(id, extensionId, body.approve, supervisor), supervisor);
  }

  @Post('resolve')
  @Idempotent()
  @Roles('handler')
  @ApiOperation({
    summary:
      'Resolve (办结): the lead submits the result; the callback clock starts — or, where the case’s policy has the centre review results, the case waits in reviewing',
  })
  @ApiCreatedResponse({ type: CaseDto })
  async resolve(
    @UuidParam('id') id: string,
    @Body() body: ResolveDto,
    @CurrentPrincipal() handler: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.handling.resolve(id, body.outcome, body.reply, handler), handler);
  }

  @Post('result-review')
  @Idempotent()
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Review (审核) the lead’s result: approved, the case resolves as of the submission; rejected, it goes back to the lead with the reason',
  })
  @ApiCreatedResponse({ type: CaseDto })
  async reviewResult(
    @UuidParam('id') id: string,
    @Body() body: ResultReviewDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<CaseDto> {
    return this.views.show(await this.handling.reviewResult(id, body.approve, body.reason, supervisor), supervisor);
  }
}
