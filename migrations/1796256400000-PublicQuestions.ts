import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The after-hours desk (libs/ask; docs/product.md, "After-hours answers"): `public_questions`, what
 * it was asked and offered, linked to the web case a citizen left when it did not help; `ask_limits`,
 * questions per client within the hour (the table layout of rate-limiter-flexible's PostgreSQL store).
 */
export class PublicQuestions1796256400000 implements MigrationInterface {
  name = 'PublicQuestions1796256400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "public_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), ` +
        `"asked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "question" text NOT NULL, "audience" text, ` +
        `"answers" jsonb NOT NULL, "confident" boolean NOT NULL, "helpful" boolean, "demand_case_id" uuid, ` +
        `CONSTRAINT "ck_public_questions_audience" CHECK (audience IS NULL OR audience IN ('citizen', 'enterprise')), ` +
        `CONSTRAINT "pk_public_questions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_public_questions_asked_at" ON "public_questions" ("asked_at")`);
    await queryRunner.query(
      `ALTER TABLE "public_questions" ADD CONSTRAINT "fk_public_questions_demand_case" ` +
        `FOREIGN KEY ("demand_case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "ask_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "ask_limits"`);
    await queryRunner.query(`ALTER TABLE "public_questions" DROP CONSTRAINT "fk_public_questions_demand_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_public_questions_asked_at"`);
    await queryRunner.query(`DROP TABLE "public_questions"`);
  }
}
