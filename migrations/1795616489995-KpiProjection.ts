import { MigrationInterface, QueryRunner } from 'typeorm';

export class KpiProjection1795616489995 implements MigrationInterface {
  name = 'KpiProjection1795616489995';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kpi_callback_rollups" ("group_kind" text NOT NULL, "day" date NOT NULL, "group_key" text NOT NULL, "asked_solved" integer NOT NULL DEFAULT '0', "solved" integer NOT NULL DEFAULT '0', "rated" integer NOT NULL DEFAULT '0', "satisfied" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_kpi_callback_rollups" PRIMARY KEY ("group_kind", "day", "group_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_case_facts" ("case_id" uuid NOT NULL, "case_number" text NOT NULL, "first_call" boolean NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hotline" text NOT NULL, "category_code" text NOT NULL, "district_code" text NOT NULL, "street_code" text, "unit_code" text, "no_dispatch_needed" boolean NOT NULL, "dispatch_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_dispatched_at" TIMESTAMP WITH TIME ZONE, "dispatch_count" integer NOT NULL, "first_dispatch_returned" boolean NOT NULL, "first_return_pending" boolean NOT NULL, "response_due_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "resolve_due_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "reasonable" boolean NOT NULL, "callback_due_at" TIMESTAMP WITH TIME ZONE, "callback_done_at" TIMESTAMP WITH TIME ZONE, "trigger_at" TIMESTAMP WITH TIME ZONE, "supervised_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_kpi_case_facts" PRIMARY KEY ("case_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_unit_dispatch_due" ON "kpi_case_facts"  ("unit_code", "dispatch_due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_supervision_open" ON "kpi_case_facts"  ("trigger_at") WHERE supervised_at IS NULL AND first_call`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_callback_open" ON "kpi_case_facts"  ("callback_due_at") WHERE callback_done_at IS NULL AND reasonable AND first_call`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_response_open" ON "kpi_case_facts"  ("response_due_at") WHERE responded_at IS NULL AND first_call`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_dispatch_open" ON "kpi_case_facts"  ("dispatch_due_at") WHERE first_dispatched_at IS NULL AND no_dispatch_needed = false AND first_call`,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_rollups" ("group_kind" text NOT NULL, "day" date NOT NULL, "metric" text NOT NULL, "group_key" text NOT NULL, "hit" integer NOT NULL DEFAULT '0', "miss" integer NOT NULL DEFAULT '0', "pending" integer NOT NULL DEFAULT '0', "open" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_kpi_rollups" PRIMARY KEY ("group_kind", "day", "metric", "group_key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_deadlines_breached" ON "case_deadlines"  ("ended_at") WHERE status = 'breached'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_deadlines_at_risk" ON "case_deadlines"  ("due_at") WHERE status = 'open' AND warned_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_case_deadlines_at_risk"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_deadlines_breached"`);
    await queryRunner.query(`DROP TABLE "kpi_rollups"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_dispatch_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_response_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_callback_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_supervision_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_unit_dispatch_due"`);
    await queryRunner.query(`DROP TABLE "kpi_case_facts"`);
    await queryRunner.query(`DROP TABLE "kpi_callback_rollups"`);
  }
}
