import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@hotline/cases';
import { OnlineIntakeModule } from '@hotline/online-intake';
import { AttachmentBlobsRepository } from './attachment-blobs.repository';
import { AttachmentStore } from './attachment-store';
import { AttachmentsService } from './attachments.service';
import { CaseAttachmentsRepository } from './case-attachments.repository';
import { ATTACHMENTS_ENTITIES } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature([...ATTACHMENTS_ENTITIES]), CasesModule, OnlineIntakeModule],
  providers: [
    CaseAttachmentsRepository,
    AttachmentBlobsRepository,
    // The store of the bytes: PostgreSQL here; bind another AttachmentStore for a directory or S3.
    { provide: AttachmentStore, useExisting: AttachmentBlobsRepository },
    AttachmentsService,
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
