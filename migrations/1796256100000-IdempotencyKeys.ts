import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `idempotency_keys` (libs/idempotency): the first answer given under each user's Idempotency-Key,
 * kept IDEMPOTENCY_RETENTION_HOURS (docs/api.md, "Safe retries"). The primary key is what makes a
 * retry wait for, then replay, the first request; the index serves the worker's purge.
 */
export class IdempotencyKeys1796256100000 implements MigrationInterface {
  name = 'IdempotencyKeys1796256100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("principal_id" uuid NOT NULL, "idempotency_key" text NOT NULL, ` +
        `"fingerprint" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "response_status" smallint, ` +
        `"response_body" json, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `"expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, ` +
        `CONSTRAINT "ck_idempotency_keys_status" CHECK (response_status IS NULL OR response_status BETWEEN 100 AND 499), ` +
        `CONSTRAINT "ck_idempotency_keys_key_length" CHECK (char_length(idempotency_key) BETWEEN 1 AND 255), ` +
        `CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("principal_id", "idempotency_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_idempotency_keys_expires_at" ON "idempotency_keys" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_keys_expires_at"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
