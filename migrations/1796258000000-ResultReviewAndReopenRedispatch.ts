import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The centre's review of a unit's result (审核): case status `reviewing` and the pending result's time
 * (`cases.result_submitted_at`), asked for per urgency × category by `sla_policies.review_result`; and
 * `dispatch_rules.redispatch_on_reopen`, which sends a reopened case back to the unit that handled it.
 */
export class ResultReviewAndReopenRedispatch1796258000000 implements MigrationInterface {
  name = 'ResultReviewAndReopenRedispatch1796258000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dispatch_rules" ADD "redispatch_on_reopen" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "sla_policies" ADD "review_result" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "result_submitted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "ck_cases_status"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_status" CHECK (status IN ('registered', 'answered', 'transferred', 'dispatched', 'return_requested', 'signed', 'reviewing', 'resolved', 'reopened', 'closed'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "ck_cases_status"`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_status" CHECK (status IN ('registered', 'answered', 'transferred', 'dispatched', 'return_requested', 'signed', 'resolved', 'reopened', 'closed'))`,
    );
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "result_submitted_at"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP COLUMN "review_result"`);
    await queryRunner.query(`ALTER TABLE "dispatch_rules" DROP COLUMN "redispatch_on_reopen"`);
  }
}
