import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A letter, a web form or a walk-in may come without a phone number (docs/decisions.md, "Callers
 * without a mainland mobile"): the caller's number may be null; a call still always has one.
 */
export class CasesWithoutPhone1796256900000 implements MigrationInterface {
  name = 'CasesWithoutPhone1796256900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "caller_phone" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_phone_call_has_number" CHECK (channel <> 'phone' OR caller_phone IS NOT NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "ck_cases_phone_call_has_number"`);
    // Refused while a case without a number exists: going back must not invent or drop callers.
    await queryRunner.query(`ALTER TABLE "cases" ALTER COLUMN "caller_phone" SET NOT NULL`);
  }
}
