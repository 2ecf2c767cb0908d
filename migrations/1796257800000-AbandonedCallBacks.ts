import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calling back abandoned calls (docs/product.md, "Calling back abandoned calls"): each abandoned call's due
 * time, the agent's claim, and the call back's outcome, on `calls` (libs/cases); the queue reads the partial
 * index of calls still waiting. Calls abandoned before this migration are not queued: nobody could call them
 * back in time any more.
 */
export class AbandonedCallBacks1796257800000 implements MigrationInterface {
  name = 'AbandonedCallBacks1796257800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" ADD "call_back_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "call_back_claimed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "call_back_claimed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "called_back_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "called_back_by" uuid`);
    await queryRunner.query(`ALTER TABLE "calls" ADD "call_back_outcome" text`);
    await queryRunner.query(
      `CREATE INDEX "ix_calls_call_back_caller" ON "calls"  ("caller_number") WHERE call_back_due_at IS NOT NULL AND called_back_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_calls_call_back_queue" ON "calls"  ("call_back_due_at") WHERE call_back_due_at IS NOT NULL AND called_back_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "ck_calls_call_back_outcome" CHECK (call_back_outcome IN ('reached', 'unreachable', 'got_through'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "ck_calls_call_back_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_call_back_queue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_call_back_caller"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "call_back_outcome"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "called_back_by"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "called_back_at"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "call_back_claimed_at"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "call_back_claimed_by"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP COLUMN "call_back_due_at"`);
  }
}
