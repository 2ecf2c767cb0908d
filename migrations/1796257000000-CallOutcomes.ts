import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls handed to an emergency line (110, 119, 120, 122) or told their route elsewhere (courts,
 * arbitration, 信访, disciplinary bodies): libs/cases/src/domain/call-outcome.ts.
 */
export class CallOutcomes1796257000000 implements MigrationInterface {
  name = 'CallOutcomes1796257000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "call_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "kind" text NOT NULL, "target" text NOT NULL, "note" text, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_call_outcomes_target" CHECK (target IN ('110', '119', '120', '122', 'court', 'arbitration', 'petition', 'discipline')), CONSTRAINT "ck_call_outcomes_kind" CHECK (kind IN ('emergency_handoff', 'referred_elsewhere')), CONSTRAINT "pk_call_outcomes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_call_outcomes_recorded_at" ON "call_outcomes" ("recorded_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_call_outcomes_call_kind_target" ON "call_outcomes" ("call_id", "kind", "target") `,
    );
    await queryRunner.query(
      `ALTER TABLE "call_outcomes" ADD CONSTRAINT "fk_call_outcomes_call" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A record of what was done on a call: the app adds to it, never rewrites it.
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON call_outcomes FROM hotline_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "call_outcomes" DROP CONSTRAINT "fk_call_outcomes_call"`);
    await queryRunner.query(`DROP INDEX "public"."ux_call_outcomes_call_kind_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_call_outcomes_recorded_at"`);
    await queryRunner.query(`DROP TABLE "call_outcomes"`);
  }
}
