import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { AttachmentStore } from './attachment-store';
import { AttachmentBlobEntity } from './entities/attachment-blob.entity';

/** `attachment_blobs`: the default AttachmentStore, the bytes in PostgreSQL, once per content. */
@Injectable()
export class AttachmentBlobsRepository extends AttachmentStore {
  constructor(private readonly db: TransactionService) {
    super();
  }

  async put(contentHash: string, bytes: Buffer): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(AttachmentBlobEntity)
      .values({ contentHash, bytes })
      .orIgnore()
      .execute();
  }

  async get(contentHash: string): Promise<Buffer | null> {
    return (await this.db.manager.findOneBy(AttachmentBlobEntity, { contentHash }))?.bytes ?? null;
  }
}
