import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files on cases and their bytes, once per content (libs/attachments). */
export class CaseAttachments1796257300000 implements MigrationInterface {
  name = 'CaseAttachments1796257300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachment_blobs" ("content_hash" text NOT NULL, "bytes" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_attachment_blobs" PRIMARY KEY ("content_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "content_hash" text NOT NULL, "mime_type" text NOT NULL, "size" integer NOT NULL, "file_name" text NOT NULL, "uploaded_by" uuid, "uploaded_by_unit" text, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_case_attachments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_attachments_case_content" ON "case_attachments"  ("case_id", "content_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "case_attachments" ADD CONSTRAINT "fk_case_attachments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_attachments" DROP CONSTRAINT "fk_case_attachments_case"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_attachments_case_content"`);
    await queryRunner.query(`DROP TABLE "case_attachments"`);
    await queryRunner.query(`DROP TABLE "attachment_blobs"`);
  }
}
