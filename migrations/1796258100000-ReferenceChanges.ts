import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reference_changes` (libs/directory): every admin change of hotlines, units, categories, dispatch rules
 * and the SLA policy, applied (versioned, with the row before and after) or scheduled for its effective time.
 * Rows as seeded have no version of their own: their history starts with their first change.
 */
export class ReferenceChanges1796258100000 implements MigrationInterface {
  name = 'ReferenceChanges1796258100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reference_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity" text NOT NULL, "entity_key" text NOT NULL, "change" jsonb NOT NULL, "reason" text, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "version" integer, "before" jsonb, "after" jsonb, "problems" jsonb, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_reference_changes_applied" CHECK ((status = 'applied') = (version IS NOT NULL AND applied_at IS NOT NULL)), CONSTRAINT "ck_reference_changes_status" CHECK (status IN ('scheduled', 'applied', 'cancelled', 'failed')), CONSTRAINT "ck_reference_changes_entity" CHECK (entity IN ('hotline', 'unit', 'category', 'dispatch_rule', 'sla_policy')), CONSTRAINT "pk_reference_changes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reference_changes_key" ON "reference_changes"  ("entity", "entity_key", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reference_changes_due" ON "reference_changes"  ("effective_from") WHERE status = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_reference_changes_version" ON "reference_changes"  ("entity", "entity_key", "version") WHERE version IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_reference_changes_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reference_changes_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_reference_changes_key"`);
    await queryRunner.query(`DROP TABLE "reference_changes"`);
  }
}
