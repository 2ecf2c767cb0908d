import { applyDecorators, createParamDecorator, ExecutionContext, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { MAX_ATTACHMENT_BYTES, type Upload } from '@hotline/attachments';
import { DomainError } from '@hotline/core';
import { ErrorResponseDto } from '../http/error-response';

/**
 * A route taking one file as multipart field `file`, kept in memory up to the largest type's limit
 * (docs/api.md, "Attachments"). Put @Idempotent above it, so that it runs after the file's interceptor:
 * a retry's fingerprint then holds the file's hash.
 */
export const FileUpload = () =>
  applyDecorators(
    // File names are UTF-8 (现场照片.jpg): busboy's default reads them as Latin-1.
    UseInterceptors(
      FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 }, defParamCharset: 'utf8' }),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    }),
    ApiPayloadTooLargeResponse({ type: ErrorResponseDto }),
  );

/** What multer hands over of the uploaded part. */
interface UploadedPart {
  buffer: Buffer;
  mimetype: string;
  originalname: string;
}

/** The uploaded file as the attachments service takes it: its bytes, the type it was sent as, its name. */
export const UploadedFileOf = createParamDecorator((_: unknown, context: ExecutionContext): Upload => {
  const file = context.switchToHttp().getRequest<Request & { file?: UploadedPart }>().file;
  if (!file) throw DomainError.invalidField('file', 'is required (multipart field `file`)', 'required');
  return { bytes: file.buffer, declaredType: file.mimetype, fileName: file.originalname };
});
