import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_TYPES } from '@hotline/attachments';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: Object.keys(ATTACHMENT_TYPES), description: 'Read from the bytes' }) mimeType!: string;
  @ApiProperty({ description: 'Bytes as stored (an image after its re-encoding)' }) size!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the stored bytes' }) contentHash!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The uploading unit; null for the centre' })
  uploadedByUnit!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: Date;
  @ApiProperty({ example: '/api/v1/attachments/…/content', description: 'Where an authorised viewer reads it' })
  url!: string;
}

export class AttachmentListDto {
  @ApiProperty({ type: [AttachmentDto] }) items!: AttachmentDto[];
  @ApiProperty() total!: number;
}
