import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The units' workbench: an order's assignee (libs/dispatch `case_assignments`) and the inbox as a work
 * list kept current by unit notices (`unit_inbox`: stage, next due time, alert, supervision level,
 * assignee, latest notice). Items already there start at the stage their orders begin with.
 */
export class UnitWorkbench1796257500000 implements MigrationInterface {
  name = 'UnitWorkbench1796257500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_assignments" ADD "assignee_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "stage" text`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "unit_inbox" SET "stage" = CASE kind WHEN 'transfer' THEN 'to_acknowledge' ELSE 'to_sign' END,
         "due_at" = (CASE kind WHEN 'transfer' THEN deadlines->>'acknowledge' ELSE deadlines->>'sign' END)::timestamptz`,
    );
    await queryRunner.query(`ALTER TABLE "unit_inbox" ALTER COLUMN "stage" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "alert" text`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "supervision_level" text`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "assignee_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "last_notice" text`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" ADD "last_notice_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "ix_unit_inbox_case_unit" ON "unit_inbox"  ("case_id", "unit_code") `);
    await queryRunner.query(
      `CREATE INDEX "ix_unit_inbox_unit_due" ON "unit_inbox"  ("unit_code", "due_at") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_inbox" ADD CONSTRAINT "ck_unit_inbox_alert" CHECK (alert IN ('warning', 'breach'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_inbox" ADD CONSTRAINT "ck_unit_inbox_stage" CHECK (stage IN ('to_sign', 'to_respond', 'handling', 'reported', 'to_acknowledge'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP CONSTRAINT "ck_unit_inbox_stage"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP CONSTRAINT "ck_unit_inbox_alert"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_inbox_unit_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_inbox_case_unit"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "last_notice_at"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "last_notice"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "assignee_user_id"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "supervision_level"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "alert"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "due_at"`);
    await queryRunner.query(`ALTER TABLE "unit_inbox" DROP COLUMN "stage"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP COLUMN "assignee_user_id"`);
  }
}
