import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fromBuffer } from 'file-type';
import sharp from 'sharp';
import { type Actor, CaseQueriesService, isUnitScoped } from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { OnlineIntakeService } from '@hotline/online-intake';
import { AttachmentStore } from './attachment-store';
import { type AttachmentType, checkUpload, isImage, MAX_SUBMISSION_FILES } from './domain/attachment-rules';
import type { CaseAttachmentEntity } from './entities/case-attachment.entity';
import { CaseAttachmentsRepository } from './case-attachments.repository';

export interface Upload {
  bytes: Buffer;
  /** What the client said it is: checked against the bytes, never trusted. */
  declaredType?: string;
  fileName: string;
}

/**
 * Files on cases and on citizens' online submissions (docs/api.md, "Attachments"): typed by their
 * bytes, images re-encoded without their metadata, kept once per content, read only by those who may
 * see the case — a submission's files, before it is a case, by the centre alone.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: TransactionService,
    private readonly attachments: CaseAttachmentsRepository,
    private readonly store: AttachmentStore,
    private readonly cases: CaseQueriesService,
    private readonly submissions: OnlineIntakeService,
    private readonly clock: Clock,
  ) {}

  async attach(caseId: string, upload: Upload, actor: Actor): Promise<CaseAttachmentEntity> {
    await this.cases.visible(caseId, actor);
    const { type, bytes, contentHash } = await checked(upload);
    return this.db.run(async () => {
      await this.store.put(contentHash, bytes);
      return this.attachments.insert({
        caseId,
        submissionId: null,
        contentHash,
        mimeType: type,
        size: bytes.length,
        fileName: upload.fileName,
        uploadedBy: actor.userId,
        uploadedByUnit: actor.unitCode,
        uploadedAt: this.clock.now(),
      });
    });
  }

  /** A citizen's photo or video for their own submission, while it waits for an agent (at most MAX_SUBMISSION_FILES). */
  async attachToSubmission(submissionId: string, upload: Upload, phone: string): Promise<CaseAttachmentEntity> {
    const { type, bytes, contentHash } = await checked(upload);
    return this.db.run(async () => {
      const submission = await this.submissions.lockOwnWaiting(submissionId, phone);
      if ((await this.attachments.countOfSubmission(submission.id)) >= MAX_SUBMISSION_FILES) {
        throw new DomainError(
          'attachment.submission_closed',
          `A submission takes at most ${MAX_SUBMISSION_FILES} files`,
        );
      }
      await this.store.put(contentHash, bytes);
      return this.attachments.insert({
        caseId: null,
        submissionId,
        contentHash,
        mimeType: type,
        size: bytes.length,
        fileName: upload.fileName,
        uploadedBy: null,
        uploadedByUnit: null,
        uploadedAt: this.clock.now(),
      });
    });
  }

  async ofCase(caseId: string, viewer: Actor): Promise<CaseAttachmentEntity[]> {
    await this.cases.visible(caseId, viewer);
    return this.attachments.ofCase(caseId, await this.submissions.acceptedAs(caseId));
  }

  /** A submission's files, for the centre's agents deciding it. */
  async ofSubmission(submissionId: string): Promise<CaseAttachmentEntity[]> {
    await this.submissions.get(submissionId);
    return this.attachments.ofSubmission(submissionId);
  }

  /** The file and its bytes, for a viewer who may see its case; anyone else: not found. */
  async content(id: string, viewer: Actor): Promise<{ attachment: CaseAttachmentEntity; bytes: Buffer }> {
    const attachment = await this.attachments.find(id);
    if (!attachment) throw new DomainError('attachment.not_found', `Attachment ${id} not found`);
    // Another unit's attachment is as unknown as a missing one; any other failure stays what it is.
    await this.assertVisible(attachment, viewer).catch((error: unknown) => {
      if (error instanceof DomainError && error.reason === 'case.not_found')
        throw new DomainError('attachment.not_found', `Attachment ${id} not found`);
      throw error;
    });
    const bytes = await this.store.get(attachment.contentHash);
    if (!bytes) throw new Error(`attachment ${id}: its content ${attachment.contentHash} is missing from the store`);
    return { attachment, bytes };
  }

  /** A case's file: as its case; a submission's: as the case it became, or the centre's alone until then. */
  private async assertVisible(attachment: CaseAttachmentEntity, viewer: Actor): Promise<void> {
    const caseId = attachment.caseId ?? (await this.submissions.get(attachment.submissionId!)).caseId;
    if (caseId) return this.cases.assertVisible(caseId, viewer);
    if (isUnitScoped(viewer)) throw new DomainError('case.not_found', 'Only the centre sees a submission’s files');
  }
}

/** The upload typed by its bytes and limits, an image re-encoded, and the hash it is stored by. */
async function checked(upload: Upload): Promise<{ type: AttachmentType; bytes: Buffer; contentHash: string }> {
  const result = checkUpload((await fromBuffer(upload.bytes))?.mime, upload.declaredType, upload.bytes.length);
  if ('field' in result) throw DomainError.validation([result]);
  const bytes = isImage(result.type) ? await withoutMetadata(upload.bytes, result.type) : upload.bytes;
  return { type: result.type, bytes, contentHash: createHash('sha256').update(bytes).digest('hex') };
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
