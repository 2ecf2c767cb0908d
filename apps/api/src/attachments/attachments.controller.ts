import { Controller, Get, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ATTACHMENT_TYPES, AttachmentsService, MAX_ATTACHMENT_BYTES } from '@hotline/attachments';
import type { CaseAttachmentEntity } from '@hotline/attachments';
import type { Principal } from '@hotline/auth';
import { DomainError } from '@hotline/core';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { UuidParam } from '../http/uuid-param';
import { AttachmentDto, AttachmentListDto } from './attachment.dto';

/**
 * Files on cases (docs/api.md, "Attachments"): a photo of the site, the unit's report. Whoever may see
 * the case may attach and read; the bytes are served only here, to such a viewer.
 */
@ApiTags('attachments')
@Controller()
@Roles('agent', 'supervisor', 'handler')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('cases/:id/attachments')
  // Above the file's interceptor, so it runs after it: a retry's fingerprint then holds the file's hash.
  @Idempotent()
  // File names are UTF-8 (现场照片.jpg): busboy's default reads them as Latin-1.
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 }, defParamCharset: 'utf8' }),
  )
  @ApiOperation({
    summary: 'Attach a file to a case: its type read from the bytes, an image re-encoded without its metadata',
    description: `Accepted: ${Object.keys(ATTACHMENT_TYPES).join(', ')}. The same content twice is one attachment.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto })
  async attach(
    @UuidParam('id') caseId: string,
    @UploadedFile() file: UploadedPart | undefined,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<AttachmentDto> {
    if (!file) throw DomainError.invalidField('file', 'is required (multipart field `file`)', 'required');
    const upload = { bytes: file.buffer, declaredType: file.mimetype, fileName: file.originalname };
    return toDto(await this.attachments.attach(caseId, upload, viewer));
  }

  @Get('cases/:id/attachments')
  @ApiOperation({ summary: 'The files attached to a case' })
  @ApiOkResponse({ type: AttachmentListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async list(@UuidParam('id') caseId: string, @CurrentPrincipal() viewer: Principal): Promise<AttachmentListDto> {
    const items = (await this.attachments.ofCase(caseId, viewer)).map(toDto);
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

/** What multer hands over of the uploaded part (kept in memory: the limit bounds it). */
interface UploadedPart {
  buffer: Buffer;
  mimetype: string;
  originalname: string;
}

function toDto(a: CaseAttachmentEntity): AttachmentDto {
  return {
    id: a.id,
    caseId: a.caseId,
    mimeType: a.mimeType,
    size: a.size,
    fileName: a.fileName,
    contentHash: a.contentHash,
    uploadedByUnit: a.uploadedByUnit,
    uploadedAt: a.uploadedAt,
    url: `/api/v1/attachments/${a.id}/content`,
  };
}
