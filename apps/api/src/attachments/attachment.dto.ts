import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_TYPES, type CaseAttachmentEntity } from '@hotline/attachments';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null for a file of a submission not yet accepted',
  })
  caseId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The online submission a citizen sent it with',
  })
  submissionId!: string | null;
  @ApiProperty({ enum: Object.keys(ATTACHMENT_TYPES), description: 'Read from the bytes' }) mimeType!: string;
  @ApiProperty({ description: 'Bytes as stored (an image after its re-encoding)' }) size!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the stored bytes' }) contentHash!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The uploading unit; null for the centre or a citizen' })
  uploadedByUnit!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: Date;
  @ApiProperty({ example: '/api/v1/attachments/…/content', description: 'Where an authorised viewer reads it' })
  url!: string;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
  @ApiProperty() total!: number;
}

export function toAttachmentDto(a: CaseAttachmentEntity): AttachmentDto {
  return {
    id: a.id,
    caseId: a.caseId,
    submissionId: a.submissionId,
    mimeType: a.mimeType,
    size: a.size,
    fileName: a.fileName,
    contentHash: a.contentHash,
    uploadedByUnit: a.uploadedByUnit,
    uploadedAt: a.uploadedAt,
    url: `/api/v1/attachments/${a.id}/content`,
  };
}
