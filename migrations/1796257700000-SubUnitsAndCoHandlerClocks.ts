import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sub-units and added units (docs/product.md, "Sub-units and added units"): communities/villages as
 * units; a street's forward to one (`cases.forwarded_to_unit_code`, orders of role `sub`); each
 * co-handler's own report deadline (`cases.co_report_due`, `case_assignments.report_due_at`) and its
 * clock (`case_deadlines` kind `report`, one running per co-handler). Check constraints and the partial
 * index's predicate are not compared by the generator: they are written by hand.
 */
export class SubUnitsAndCoHandlerClocks1796257700000 implements MigrationInterface {
  name = 'SubUnitsAndCoHandlerClocks1796257700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "ck_units_kind"`);
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "ck_units_kind" CHECK (kind IN ('district', 'street', 'department', 'utility', 'community'))`,
    );
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "ck_units_street_has_parent"`);
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "ck_units_street_has_parent" CHECK (kind NOT IN ('street', 'community') OR parent_code IS NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "ck_case_assignments_role"`);
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "ck_case_assignments_role" CHECK (role IN ('lead', 'co', 'sub'))`,
    );
    await queryRunner.query(`ALTER TABLE "case_deadlines" DROP CONSTRAINT "ck_case_deadlines_kind"`);
    await queryRunner.query(
      `ALTER TABLE "case_deadlines" ADD CONSTRAINT "ck_case_deadlines_kind" CHECK (kind IN ('dispatch', 'sign', 'response', 'resolve', 'report', 'callback', 'transfer_ack'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."ux_case_deadlines_open"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_deadlines_open" ON "case_deadlines"  ("case_id", "kind") WHERE status = 'open' AND kind <> 'report'`,
    );
    await queryRunner.query(`ALTER TABLE "cases" ADD "co_report_due" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "forwarded_to_unit_code" text`);
    await queryRunner.query(`ALTER TABLE "case_assignments" ADD "report_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_deadlines_open_report" ON "case_deadlines"  ("case_id", "unit_code") WHERE status = 'open' AND kind = 'report'`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_forwarded_to_unit" FOREIGN KEY ("forwarded_to_unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_forwarded_to_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_deadlines_open_report"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP COLUMN "report_due_at"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "forwarded_to_unit_code"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "co_report_due"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_deadlines_open"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_deadlines_open" ON "case_deadlines"  ("case_id", "kind") WHERE status = 'open'`,
    );
    await queryRunner.query(`ALTER TABLE "case_deadlines" DROP CONSTRAINT "ck_case_deadlines_kind"`);
    await queryRunner.query(
      `ALTER TABLE "case_deadlines" ADD CONSTRAINT "ck_case_deadlines_kind" CHECK (kind IN ('dispatch', 'sign', 'response', 'resolve', 'callback', 'transfer_ack'))`,
    );
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "ck_case_assignments_role"`);
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "ck_case_assignments_role" CHECK (role IN ('lead', 'co'))`,
    );
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "ck_units_street_has_parent"`);
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "ck_units_street_has_parent" CHECK (kind <> 'street' OR parent_code IS NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "ck_units_kind"`);
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "ck_units_kind" CHECK (kind IN ('district', 'street', 'department', 'utility'))`,
    );
  }
}
