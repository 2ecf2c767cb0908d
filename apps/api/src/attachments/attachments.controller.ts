import { Controller, Get, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ATTACHMENT_TYPES, AttachmentsService, type Upload } from '@hotline/attachments';
import type { Principal } from '@hotline/auth';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { AttachmentDto, AttachmentListDto, toAttachmentDto } from './attachment.dto';
import { FileUpload, UploadedFileOf } from './file-upload';

/**
 * Files on cases (docs/api.md, "Attachments"): a photo of the site, the unit's report. Whoever may see
 * the case may attach and read; the bytes are served only here, to such a viewer. A citizen's files
 * on an online submission are the centre's to read until the submission becomes a case.
 */
@ApiTags('attachments')
@Controller()
@Roles('agent', 'supervisor', 'handler')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('cases/:id/attachments')
  @Idempotent()
  @FileUpload()
  @ApiOperation({
    summary: 'Attach a file to a case: its type read from the bytes, an image re-encoded without its metadata',
    description: `Accepted: ${Object.keys(ATTACHMENT_TYPES).join(', ')}. The same content twice is one attachment.`,
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async attach(
    @UuidParam('id') caseId: string,
    @UploadedFileOf() upload: Upload,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<AttachmentDto> {
    return toAttachmentDto(await this.attachments.attach(caseId, upload, viewer));
  }

  @Get('cases/:id/attachments')
  @ApiOperation({ summary: 'The files attached to a case' })
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async list(@UuidParam('id') caseId: string, @CurrentPrincipal() viewer: Principal): Promise<AttachmentListDto> {
    const items = (await this.attachments.ofCase(caseId, viewer)).map(toAttachmentDto);
    return { items, total: items.length };
  }

  @Get('attachments/:id/content')
  @ApiOperation({ summary: 'The bytes of an attachment, for a viewer who may see its case' })
  @ApiProduces(...Object.keys(ATTACHMENT_TYPES))
  @ApiOkResponse({ description: 'The file, as a download' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async content(
    @UuidParam('id') id: string,
    @CurrentPrincipal() viewer: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const { attachment, bytes } = await this.attachments.content(id, viewer);
    // A download, never rendered in the api's origin, whatever the bytes hold.
    res
      .status(200)
      .type(attachment.mimeType)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(bytes);
  }
}
