import { MigrationInterface, QueryRunner } from 'typeorm';

/** Claims on the callback queue (libs/callbacks `callback_claims`): which agent is calling a case's citizen back. */
export class CallbackClaims1796257900000 implements MigrationInterface {
  name = 'CallbackClaims1796257900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "callback_claims" ("case_id" uuid NOT NULL, "claimed_by" uuid NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_callback_claims" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "callback_claims" ADD CONSTRAINT "fk_callback_claims_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "callback_claims" DROP CONSTRAINT "fk_callback_claims_case"`);
    await queryRunner.query(`DROP TABLE "callback_claims"`);
  }
}
