import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every unit that is or was assigned to a case, on the case itself: who may see it is then a fact
 * of the `cases` table (owned by libs/cases), not a join into dispatch's `case_assignments`.
 * Backfilled from the assignments; a GIN index serves a handler's case list.
 */
export class CaseUnitCodes1796169600000 implements MigrationInterface {
  name = 'CaseUnitCodes1796169600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "unit_codes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE "cases" c SET "unit_codes" = a.units
         FROM (SELECT case_id, array_agg(DISTINCT unit_code ORDER BY unit_code) AS units
                 FROM "case_assignments" GROUP BY case_id) a
        WHERE a.case_id = c.id`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cases_unit_codes" ON "cases" USING gin ("unit_codes")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_unit_codes"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "unit_codes"`);
  }
}
