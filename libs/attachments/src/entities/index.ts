import { AttachmentBlobEntity } from './attachment-blob.entity';
import { CaseAttachmentEntity } from './case-attachment.entity';

export { AttachmentBlobEntity, CaseAttachmentEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const ATTACHMENTS_ENTITIES = [CaseAttachmentEntity, AttachmentBlobEntity];
