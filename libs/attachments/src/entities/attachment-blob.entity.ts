import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The bytes of attachments in PostgreSQL (the default store), once per content, by hash. */
@Entity({ name: 'attachment_blobs' })
export class AttachmentBlobEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_attachment_blobs' })
  contentHash!: string;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
