import { MigrationInterface, QueryRunner } from 'typeorm';

/** Internal notes on cases (libs/cases `case_notes`); corrections need no table of their own: they are case events. */
export class CaseCorrectionsAndNotes1796257600000 implements MigrationInterface {
  name = 'CaseCorrectionsAndNotes1796257600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "visibility" text NOT NULL, "text" text NOT NULL, "author_user_id" uuid, "author_role" text NOT NULL, "author_unit_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_case_notes_visibility" CHECK (visibility IN ('centre', 'units')), CONSTRAINT "pk_case_notes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_notes_case" ON "case_notes"  ("case_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "case_notes" ADD CONSTRAINT "fk_case_notes_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_notes" DROP CONSTRAINT "fk_case_notes_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_notes_case"`);
    await queryRunner.query(`DROP TABLE "case_notes"`);
  }
}
