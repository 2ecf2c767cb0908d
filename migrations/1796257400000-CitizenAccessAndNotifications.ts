import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizens' own front door: one-time codes and sessions (libs/citizen-access, with rate-limiter-flexible's
 * `citizen_code_limits`), the SMS notifications and opt-outs (libs/notifications), files sent with an
 * online submission (libs/attachments), the demand type a citizen chose (libs/online-intake) and the
 * channel of a callback — an agent's call or the citizen's own rating online (libs/callbacks).
 */
export class CitizenAccessAndNotifications1796257400000 implements MigrationInterface {
  name = 'CitizenAccessAndNotifications1796257400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "citizen_notifications" ("id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "kind" text NOT NULL, "phone" text NOT NULL, "case_id" uuid, "case_number" text, "text" text NOT NULL, "status" text NOT NULL DEFAULT 'requested', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE, "report_reason" text, CONSTRAINT "ck_citizen_notifications_status" CHECK (status IN ('requested', 'delivered', 'failed')), CONSTRAINT "ck_citizen_notifications_kind" CHECK (kind IN ('verification_code', 'case_registered', 'case_resolved', 'callback_survey', 'submission_answered')), CONSTRAINT "pk_citizen_notifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_citizen_notifications_case" ON "citizen_notifications"  ("case_id", "seq") WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_opt_outs" ("phone" text NOT NULL, "opted_out_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_notification_opt_outs" PRIMARY KEY ("phone"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "citizen_sessions" ("id" uuid NOT NULL, "token_hash" text NOT NULL, "phone" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_citizen_sessions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_citizen_sessions_token_hash" ON "citizen_sessions"  ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_citizen_sessions_expires_at" ON "citizen_sessions"  ("expires_at") `);
    await queryRunner.query(
      `CREATE TABLE "citizen_code_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
    await queryRunner.query(
      `CREATE TABLE "phone_verifications" ("id" uuid NOT NULL, "phone" text NOT NULL, "code_hash" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "tries" integer NOT NULL DEFAULT '0', "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_phone_verifications_tries" CHECK (tries >= 0), CONSTRAINT "pk_phone_verifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "callbacks" ADD "channel" text NOT NULL DEFAULT 'phone'`);
    await queryRunner.query(`ALTER TABLE "online_submissions" ADD "demand_type" text`);
    await queryRunner.query(`ALTER TABLE "case_attachments" ADD "submission_id" uuid`);
    await queryRunner.query(`ALTER TABLE "case_attachments" DROP CONSTRAINT "fk_case_attachments_case"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_attachments_case_content"`);
    await queryRunner.query(`ALTER TABLE "case_attachments" ALTER COLUMN "case_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_online_submissions_case" ON "online_submissions"  ("case_id") WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_online_submissions_phone" ON "online_submissions"  ("phone", "submitted_at") WHERE phone IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_attachments_submission_content" ON "case_attachments"  ("submission_id", "content_hash") WHERE submission_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_attachments_case_content" ON "case_attachments"  ("case_id", "content_hash") WHERE case_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "callbacks" ADD CONSTRAINT "ck_callbacks_channel" CHECK (channel IN ('phone', 'web'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "online_submissions" ADD CONSTRAINT "ck_online_submissions_demand_type" CHECK (demand_type IS NULL OR demand_type IN ('consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_attachments" ADD CONSTRAINT "ck_case_attachments_owner" CHECK ((case_id IS NULL) <> (submission_id IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_attachments" ADD CONSTRAINT "fk_case_attachments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_attachments" ADD CONSTRAINT "fk_case_attachments_submission" FOREIGN KEY ("submission_id") REFERENCES "online_submissions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_attachments" DROP CONSTRAINT "fk_case_attachments_submission"`);
    await queryRunner.query(`ALTER TABLE "case_attachments" DROP CONSTRAINT "fk_case_attachments_case"`);
    await queryRunner.query(`ALTER TABLE "case_attachments" DROP CONSTRAINT "ck_case_attachments_owner"`);
    await queryRunner.query(`ALTER TABLE "online_submissions" DROP CONSTRAINT "ck_online_submissions_demand_type"`);
    await queryRunner.query(`ALTER TABLE "callbacks" DROP CONSTRAINT "ck_callbacks_channel"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_attachments_case_content"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_attachments_submission_content"`);
    await queryRunner.query(`DROP INDEX "public"."ix_online_submissions_phone"`);
    await queryRunner.query(`DROP INDEX "public"."ix_online_submissions_case"`);
    await queryRunner.query(`ALTER TABLE "case_attachments" ALTER COLUMN "case_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_case_attachments_case_content" ON "case_attachments" USING btree ("case_id", "content_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "case_attachments" ADD CONSTRAINT "fk_case_attachments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "case_attachments" DROP COLUMN "submission_id"`);
    await queryRunner.query(`ALTER TABLE "online_submissions" DROP COLUMN "demand_type"`);
    await queryRunner.query(`ALTER TABLE "callbacks" DROP COLUMN "channel"`);
    await queryRunner.query(`DROP TABLE "phone_verifications"`);
    await queryRunner.query(`DROP TABLE "citizen_code_limits"`);
    await queryRunner.query(`DROP INDEX "public"."ix_citizen_sessions_expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."ux_citizen_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "citizen_sessions"`);
    await queryRunner.query(`DROP TABLE "notification_opt_outs"`);
    await queryRunner.query(`DROP INDEX "public"."ix_citizen_notifications_case"`);
    await queryRunner.query(`DROP TABLE "citizen_notifications"`);
  }
}
