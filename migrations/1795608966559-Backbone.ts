import { MigrationInterface, QueryRunner } from 'typeorm';

export class Backbone1795608966559 implements MigrationInterface {
  name = 'Backbone1795608966559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "categories" ("code" text NOT NULL, "name" text NOT NULL, "level" smallint NOT NULL, "parent_code" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_categories_parent" CHECK ((level = 1) = (parent_code IS NULL)), CONSTRAINT "ck_categories_level" CHECK (level BETWEEN 1 AND 3), CONSTRAINT "pk_categories" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_categories_parent_code" ON "categories"  ("parent_code") `);
    await queryRunner.query(
      `CREATE TABLE "units" ("code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "parent_code" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_units_street_has_parent" CHECK (kind <> 'street' OR parent_code IS NOT NULL), CONSTRAINT "ck_units_kind" CHECK (kind IN ('district', 'street', 'department', 'utility')), CONSTRAINT "pk_units" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_units_parent_code" ON "units"  ("parent_code") `);
    await queryRunner.query(
      `CREATE TABLE "dispatch_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "priority" integer NOT NULL, "name" text NOT NULL, "category_code" text NOT NULL, "district_code" text, "street_code" text, "target" text NOT NULL, "lead_unit_code" text, "co_unit_codes" text array NOT NULL DEFAULT '{}', "auto" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_dispatch_rules_lead" CHECK ((target = 'unit') = (lead_unit_code IS NOT NULL)), CONSTRAINT "ck_dispatch_rules_target" CHECK (target IN ('unit', 'street_of_location', 'district_of_location')), CONSTRAINT "pk_dispatch_rules" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_dispatch_rules_name" ON "dispatch_rules"  ("name") `);
    await queryRunner.query(`CREATE INDEX "ix_dispatch_rules_priority" ON "dispatch_rules"  ("priority") `);
    await queryRunner.query(
      `CREATE TABLE "hotlines" ("code" text NOT NULL, "number" text, "name" text NOT NULL, "kind" text NOT NULL, "merge_mode" text, "merged_on" date, "unit_code" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hotlines_utility_unit" CHECK ((kind = 'utility') = (unit_code IS NOT NULL)), CONSTRAINT "ck_hotlines_merge_mode" CHECK (merge_mode IS NULL OR merge_mode IN ('number_retired', 'dual_number')), CONSTRAINT "ck_hotlines_kind" CHECK (kind IN ('primary', 'merged', 'utility')), CONSTRAINT "pk_hotlines" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_hotlines_number" ON "hotlines"  ("number") `);
    await queryRunner.query(
      `CREATE TABLE "sla_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "urgency" text NOT NULL, "category_code" text, "dispatch_within" jsonb NOT NULL, "sign_within" jsonb NOT NULL, "response_within" jsonb NOT NULL, "resolve_within" jsonb NOT NULL, "callback_within" jsonb NOT NULL, "transfer_ack_within" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_sla_policies_urgency" CHECK (urgency IN ('emergency', 'basic_service', 'general', 'complex')), CONSTRAINT "pk_sla_policies" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_sla_policies_category" ON "sla_policies"  ("urgency", "category_code") WHERE category_code IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_sla_policies_default" ON "sla_policies"  ("urgency") WHERE category_code IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "unit_code" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_users_handler_unit" CHECK ((role = 'handler') = (unit_code IS NOT NULL)), CONSTRAINT "ck_users_role" CHECK (role IN ('agent', 'handler', 'supervisor', 'admin')), CONSTRAINT "pk_users" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_users_username" ON "users"  ("username") `);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "event_id" uuid NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "lane" smallint NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_outbox" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_outbox_event_id" ON "outbox"  ("event_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_published_at" ON "outbox"  ("published_at") WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outbox_unpublished" ON "outbox"  ("id") WHERE published_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "processed_events" ("consumer" text NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_processed_events" PRIMARY KEY ("consumer", "event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_processed_events_processed_at" ON "processed_events"  ("processed_at") `);
    await queryRunner.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "fk_categories_parent" FOREIGN KEY ("parent_code") REFERENCES "categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "fk_units_parent" FOREIGN KEY ("parent_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatch_rules" ADD CONSTRAINT "fk_dispatch_rules_category" FOREIGN KEY ("category_code") REFERENCES "categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatch_rules" ADD CONSTRAINT "fk_dispatch_rules_district" FOREIGN KEY ("district_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatch_rules" ADD CONSTRAINT "fk_dispatch_rules_street" FOREIGN KEY ("street_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "dispatch_rules" ADD CONSTRAINT "fk_dispatch_rules_lead_unit" FOREIGN KEY ("lead_unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hotlines" ADD CONSTRAINT "fk_hotlines_unit" FOREIGN KEY ("unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sla_policies" ADD CONSTRAINT "fk_sla_policies_category" FOREIGN KEY ("category_code") REFERENCES "categories"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_unit" FOREIGN KEY ("unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_unit"`);
    await queryRunner.query(`ALTER TABLE "sla_policies" DROP CONSTRAINT "fk_sla_policies_category"`);
    await queryRunner.query(`ALTER TABLE "hotlines" DROP CONSTRAINT "fk_hotlines_unit"`);
    await queryRunner.query(`ALTER TABLE "dispatch_rules" DROP CONSTRAINT "fk_dispatch_rules_lead_unit"`);
    await queryRunner.query(`ALTER TABLE "dispatch_rules" DROP CONSTRAINT "fk_dispatch_rules_street"`);
    await queryRunner.query(`ALTER TABLE "dispatch_rules" DROP CONSTRAINT "fk_dispatch_rules_district"`);
    await queryRunner.query(`ALTER TABLE "dispatch_rules" DROP CONSTRAINT "fk_dispatch_rules_category"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "fk_units_parent"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "fk_categories_parent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_processed_events_processed_at"`);
    await queryRunner.query(`DROP TABLE "processed_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_unpublished"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_published_at"`);
    await queryRunner.query(`DROP INDEX "public"."ux_outbox_event_id"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."ux_users_username"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."ux_sla_policies_default"`);
    await queryRunner.query(`DROP INDEX "public"."ux_sla_policies_category"`);
    await queryRunner.query(`DROP TABLE "sla_policies"`);
    await queryRunner.query(`DROP INDEX "public"."ux_hotlines_number"`);
    await queryRunner.query(`DROP TABLE "hotlines"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dispatch_rules_priority"`);
    await queryRunner.query(`DROP INDEX "public"."ux_dispatch_rules_name"`);
    await queryRunner.query(`DROP TABLE "dispatch_rules"`);
    await queryRunner.query(`DROP INDEX "public"."ix_units_parent_code"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."ix_categories_parent_code"`);
    await queryRunner.query(`DROP TABLE "categories"`);
  }
}
