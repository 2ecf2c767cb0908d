/**
 * Where attachments' bytes live, by the SHA-256 of their content (docs/operations.md, "Attachment
 * storage"): PostgreSQL by default (AttachmentBlobsRepository). Another store — a directory, an
 * S3-compatible bucket — is a class with these two methods bound to this token in AttachmentsModule.
 */
export abstract class AttachmentStore {
  /** Keeps `bytes` under `contentHash`; the same content again changes nothing. */
  abstract put(contentHash: string, bytes: Buffer): Promise<void>;

  abstract get(contentHash: string): Promise<Buffer | null>;
}
