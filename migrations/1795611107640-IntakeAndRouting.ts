import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeAndRouting1795611107640 implements MigrationInterface {
  name = 'IntakeAndRouting1795611107640';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Case numbers: date + a global sequence, unique under any concurrency (see case-number.ts).
    await queryRunner.query(`CREATE SEQUENCE "case_number_seq" AS bigint START 1 CACHE 20`);
    await queryRunner.query(
      `CREATE TABLE "calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cti_call_id" text, "dialed_number" text NOT NULL, "caller_number" text NOT NULL, "source_hotline_code" text NOT NULL, "overflow_from" text, "status" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "abandoned_at" TIMESTAMP WITH TIME ZONE, "transferred_at" TIMESTAMP WITH TIME ZONE, "case_id" uuid, "agent_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calls_status" CHECK (status IN ('offered', 'answered', 'ended', 'abandoned', 'transferred')), CONSTRAINT "pk_calls" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_calls_cti_call_id" ON "calls"  ("cti_call_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_calls_source_started_at" ON "calls"  ("source_hotline_code", "started_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_calls_started_at" ON "calls"  ("started_at") `);
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_number" text NOT NULL, "status" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "channel" text NOT NULL, "demand_type" text NOT NULL, "category_code" text NOT NULL, "urgency" text NOT NULL, "district_code" text NOT NULL, "street_code" text, "address" text NOT NULL, "caller_name" text, "caller_phone" text NOT NULL, "description" text NOT NULL, "confidential" boolean NOT NULL DEFAULT false, "reasonable" boolean NOT NULL DEFAULT true, "source_hotline_code" text NOT NULL, "source_hotline_number" text, "overflow_from" text, "call_id" uuid, "first_call" boolean NOT NULL DEFAULT true, "repeat_of" uuid, "repeat_count" integer NOT NULL DEFAULT '0', "lead_unit_code" text, "co_unit_codes" text array NOT NULL DEFAULT '{}', "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by" uuid, "dispatch_count" integer NOT NULL DEFAULT '0', "first_dispatched_at" TIMESTAMP WITH TIME ZONE, "first_dispatch_returned" boolean NOT NULL DEFAULT false, "dispatched_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "dispatch_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sign_due_at" TIMESTAMP WITH TIME ZONE, "response_due_at" TIMESTAMP WITH TIME ZONE, "resolve_due_at" TIMESTAMP WITH TIME ZONE, "callback_due_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_cases_urgency" CHECK (urgency IN ('emergency', 'basic_service', 'general', 'complex')), CONSTRAINT "ck_cases_demand_type" CHECK (demand_type IN ('consultation', 'help', 'complaint', 'report', 'suggestion', 'praise')), CONSTRAINT "ck_cases_channel" CHECK (channel IN ('phone', 'web', 'app', 'wechat', 'email', 'letter', 'walk_in')), CONSTRAINT "ck_cases_status" CHECK (status IN ('registered', 'answered', 'transferred', 'dispatched', 'return_requested', 'signed', 'resolved', 'reopened', 'closed')), CONSTRAINT "pk_cases" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_cases_case_number" ON "cases"  ("case_number") `);
    await queryRunner.query(
      `CREATE INDEX "ix_cases_related_lookup" ON "cases"  ("category_code", "street_code", "registered_at") WHERE status NOT IN ('answered', 'transferred', 'closed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_repeat_lookup" ON "cases"  ("caller_phone", "category_code", "registered_at") WHERE status NOT IN ('answered', 'transferred', 'closed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_cases_district_registered_at" ON "cases"  ("district_code", "registered_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_cases_lead_unit" ON "cases"  ("lead_unit_code", "registered_at") `);
    await queryRunner.query(`CREATE INDEX "ix_cases_status_registered_at" ON "cases"  ("status", "registered_at") `);
    await queryRunner.query(`CREATE INDEX "ix_cases_registered_at" ON "cases"  ("registered_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "case_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "unit_code" text NOT NULL, "role" text NOT NULL, "status" text NOT NULL DEFAULT 'active', "dispatch_no" integer NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_case_assignments_status" CHECK (status IN ('active', 'cancelled')), CONSTRAINT "ck_case_assignments_role" CHECK (role IN ('lead', 'co')), CONSTRAINT "pk_case_assignments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_assignments_case" ON "case_assignments"  ("case_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_case_assignments_unit_case" ON "case_assignments"  ("unit_code", "case_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_events" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "seq" integer NOT NULL, "type" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_role" text NOT NULL, "actor_unit_code" text, "before" jsonb, "after" jsonb, "data" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "pk_case_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_case_events_case_seq" ON "case_events"  ("case_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "transfers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid, "case_id" uuid NOT NULL, "utility_code" text NOT NULL, "summary" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "ack_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_transfers_status" CHECK (status IN ('pending', 'acknowledged')), CONSTRAINT "pk_transfers" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_transfers_case" ON "transfers"  ("case_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_transfers_ack_due" ON "transfers"  ("ack_due_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_returns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "unit_code" text NOT NULL, "dispatch_no" integer NOT NULL, "reason_code" text NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "asked_from" text NOT NULL, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_note" text, CONSTRAINT "ck_case_returns_reason_code" CHECK (reason_code IN ('not_our_jurisdiction', 'wrong_location', 'needs_other_unit', 'duplicate', 'other')), CONSTRAINT "ck_case_returns_status" CHECK (status IN ('pending', 'approved', 'rejected')), CONSTRAINT "pk_case_returns" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_returns_pending" ON "case_returns"  ("requested_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_returns_case" ON "case_returns"  ("case_id") `);
    await queryRunner.query(
      `CREATE TABLE "unit_inbox" ("order_id" uuid NOT NULL, "unit_code" text NOT NULL, "kind" text NOT NULL, "case_id" uuid NOT NULL, "case_number" text NOT NULL, "role" text, "category_code" text NOT NULL, "urgency" text NOT NULL, "summary" text NOT NULL, "address" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadlines" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'open', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_unit_inbox_status" CHECK (status IN ('open', 'cancelled', 'acknowledged')), CONSTRAINT "ck_unit_inbox_kind" CHECK (kind IN ('dispatch', 'transfer')), CONSTRAINT "pk_unit_inbox" PRIMARY KEY ("order_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_unit_inbox_unit_open" ON "unit_inbox"  ("unit_code", "issued_at") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "fk_calls_source_hotline" FOREIGN KEY ("source_hotline_code") REFERENCES "hotlines"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "calls" ADD CONSTRAINT "fk_calls_overflow_from" FOREIGN KEY ("overflow_from") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_category" FOREIGN KEY ("category_code") REFERENCES "categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_district" FOREIGN KEY ("district_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_street" FOREIGN KEY ("street_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_source_hotline" FOREIGN KEY ("source_hotline_code") REFERENCES "hotlines"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_overflow_from" FOREIGN KEY ("overflow_from") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_call" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_repeat_of" FOREIGN KEY ("repeat_of") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_lead_unit" FOREIGN KEY ("lead_unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "fk_case_assignments_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_assignments" ADD CONSTRAINT "fk_case_assignments_unit" FOREIGN KEY ("unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_events" ADD CONSTRAINT "fk_case_events_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "transfers" ADD CONSTRAINT "fk_transfers_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "transfers" ADD CONSTRAINT "fk_transfers_utility" FOREIGN KEY ("utility_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_returns" ADD CONSTRAINT "fk_case_returns_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_returns" ADD CONSTRAINT "fk_case_returns_unit" FOREIGN KEY ("unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_returns" DROP CONSTRAINT "fk_case_returns_unit"`);
    await queryRunner.query(`ALTER TABLE "case_returns" DROP CONSTRAINT "fk_case_returns_case"`);
    await queryRunner.query(`ALTER TABLE "transfers" DROP CONSTRAINT "fk_transfers_utility"`);
    await queryRunner.query(`ALTER TABLE "transfers" DROP CONSTRAINT "fk_transfers_case"`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "fk_case_events_case"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "fk_case_assignments_unit"`);
    await queryRunner.query(`ALTER TABLE "case_assignments" DROP CONSTRAINT "fk_case_assignments_case"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_lead_unit"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_repeat_of"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_call"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_overflow_from"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_source_hotline"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_street"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_district"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_category"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "fk_calls_overflow_from"`);
    await queryRunner.query(`ALTER TABLE "calls" DROP CONSTRAINT "fk_calls_source_hotline"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_inbox_unit_open"`);
    await queryRunner.query(`DROP TABLE "unit_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_returns_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_returns_pending"`);
    await queryRunner.query(`DROP TABLE "case_returns"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transfers_ack_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_transfers_case"`);
    await queryRunner.query(`DROP TABLE "transfers"`);
    await queryRunner.query(`DROP INDEX "public"."ux_case_events_case_seq"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_assignments_unit_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_assignments_case"`);
    await queryRunner.query(`DROP TABLE "case_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_registered_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_status_registered_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_lead_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_district_registered_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_repeat_lookup"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_related_lookup"`);
    await queryRunner.query(`DROP INDEX "public"."ux_cases_case_number"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_started_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_calls_source_started_at"`);
    await queryRunner.query(`DROP INDEX "public"."ux_calls_cti_call_id"`);
    await queryRunner.query(`DROP TABLE "calls"`);
    await queryRunner.query(`DROP SEQUENCE "case_number_seq"`);
  }
}
