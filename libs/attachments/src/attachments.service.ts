import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fromBuffer } from 'file-type';
import sharp from 'sharp';
import { type Actor, CaseQueriesService } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { AttachmentStore } from './attachment-store';
import { type AttachmentType, checkUpload, isImage } from './domain/attachment-rules';
import type { CaseAttachmentEntity } from './entities/case-attachment.entity';
import { CaseAttachmentsRepository } from './case-attachments.repository';

export interface Upload {
  bytes: Buffer;
  /** What the client said it is: checked against the bytes, never trusted. */
  declaredType?: string;
  fileName: string;
}

/**
 * Files on cases (docs/api.md, "Attachments"): typed by their bytes, images re-encoded without their
 * metadata, kept once per content, read only by those who may see the case.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: TransactionService,
    private readonly attachments: CaseAttachmentsRepository,
    private readonly store: AttachmentStore,
    private readonly cases: CaseQueriesService,
    private readonly clock: Clock,
  ) {}

  async attach(caseId: string, upload: Upload, actor: Actor): Promise<CaseAttachmentEntity> {
    await this.cases.visible(caseId, actor);
    const checked = checkUpload((await fromBuffer(upload.bytes))?.mime, upload.declaredType, upload.bytes.length);
    if ('field' in checked) throw DomainError.validation([checked]);
    const bytes = isImage(checked.type) ? await withoutMetadata(upload.bytes, checked.type) : upload.bytes;
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    return this.db.run(async () => {
      await this.store.put(contentHash, bytes);
      return this.attachments.insert({
        caseId,
        contentHash,
        mimeType: checked.type,
        size: bytes.length,
        fileName: upload.fileName,
        uploadedBy: actor.userId,
        uploadedByUnit: actor.unitCode,
        uploadedAt: this.clock.now(),
      });
    });
  }

  async ofCase(caseId: string, viewer: Actor): Promise<CaseAttachmentEntity[]> {
    await this.cases.visible(caseId, viewer);
    return this.attachments.ofCase(caseId);
  }

  /** The file and its bytes, for a viewer who may see its case; anyone else: not found. */
  async content(id: string, viewer: Actor): Promise<{ attachment: CaseAttachmentEntity; bytes: Buffer }> {
    const attachment = await this.attachments.find(id);
    if (!attachment) throw new DomainError('attachment.not_found', `Attachment ${id} not found`);
    // Another unit's attachment is as unknown as a missing one; any other failure stays what it is.
    await this.cases.assertVisible(attachment.caseId, viewer).catch((error: unknown) => {
      if (error instanceof DomainError && error.reason === 'case.not_found')
        throw new DomainError('attachment.not_found', `Attachment ${id} not found`);
      throw error;
    });
    const bytes = await this.store.get(attachment.contentHash);
    if (!bytes) throw new Error(`attachment ${id}: its content ${attachment.contentHash} is missing from the store`);
    return { attachment, bytes };
  }
}

/**
 * The image drawn again in its own format, upright, with no metadata: sharp keeps none unless asked,
 * so EXIF (GPS position, camera, time), XMP and IPTC are gone. Bytes that claim to be an image and are
 * not one are the client's fault.
 */
async function withoutMetadata(bytes: Buffer, type: AttachmentType): Promise<Buffer> {
  const format = ({ 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const)[
    type as 'image/jpeg' | 'image/png' | 'image/webp'
  ];
  try {
    return await sharp(bytes).rotate().toFormat(format).toBuffer();
  } catch {
    throw DomainError.invalidField('file', `is not a readable ${type} image`, 'unreadable');
  }
}
