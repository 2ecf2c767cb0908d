import { MigrationInterface, QueryRunner } from 'typeorm';

/** Online demands (web, app, Open311) waiting for an agent before they are cases: libs/online-intake. */
export class OnlineSubmissions1796257100000 implements MigrationInterface {
  name = 'OnlineSubmissions1796257100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "online_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "client_name" text, "category_code" text, "description" text, "district_code" text, "street_code" text, "address" text, "lat" double precision, "long" double precision, "name" text, "phone" text, "media_url" text, "status" text NOT NULL DEFAULT 'waiting', "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accept_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "case_id" uuid, "reply" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, CONSTRAINT "ck_online_submissions_decision" CHECK ((status = 'waiting' AND decided_at IS NULL) OR (status = 'accepted' AND case_id IS NOT NULL AND decided_at IS NOT NULL) OR (status = 'answered' AND reply IS NOT NULL AND decided_at IS NOT NULL)), CONSTRAINT "ck_online_submissions_status" CHECK (status IN ('waiting', 'accepted', 'answered')), CONSTRAINT "ck_online_submissions_channel" CHECK (channel IN ('web', 'app', 'open311')), CONSTRAINT "pk_online_submissions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_online_submissions_decided_at" ON "online_submissions"  ("decided_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_online_submissions_submitted_at" ON "online_submissions"  ("submitted_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_online_submissions_waiting" ON "online_submissions"  ("accept_due_at") WHERE status = 'waiting'`,
    );
    await queryRunner.query(
      `ALTER TABLE "online_submissions" ADD CONSTRAINT "fk_online_submissions_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "online_submissions" DROP CONSTRAINT "fk_online_submissions_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_online_submissions_waiting"`);
    await queryRunner.query(`DROP INDEX "public"."ix_online_submissions_submitted_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_online_submissions_decided_at"`);
    await queryRunner.query(`DROP TABLE "online_submissions"`);
  }
}
