import { MigrationInterface, QueryRunner } from 'typeorm';

export class KpiOpenItemIndexesCarryGroups1795623600481 implements MigrationInterface {
  name = 'KpiOpenItemIndexesCarryGroups1795623600481';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_supervision_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_callback_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_response_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_dispatch_open"`);
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_supervision_open" ON "kpi_case_facts"  ("trigger_at", "unit_code", "district_code", "street_code", "hotline", "category_code") WHERE supervised_at IS NULL AND trigger_at IS NOT NULL AND first_call`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_callback_open" ON "kpi_case_facts"  ("callback_due_at", "unit_code", "district_code", "street_code", "hotline", "category_code") WHERE callback_done_at IS NULL AND callback_due_at IS NOT NULL AND reasonable AND first_call`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_response_open" ON "kpi_case_facts"  ("response_due_at", "unit_code", "district_code", "street_code", "hotline", "category_code") WHERE responded_at IS NULL AND response_due_at IS NOT NULL AND first_call`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_dispatch_open" ON "kpi_case_facts"  ("dispatch_due_at", "unit_code", "district_code", "street_code", "hotline", "category_code") WHERE first_dispatched_at IS NULL AND no_dispatch_needed = false AND first_call`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_dispatch_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_response_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_callback_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_facts_supervision_open"`);
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_dispatch_open" ON "kpi_case_facts" USING btree ("dispatch_due_at") WHERE ((first_dispatched_at IS NULL) AND (no_dispatch_needed = false) AND first_call)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_response_open" ON "kpi_case_facts" USING btree ("response_due_at") WHERE ((responded_at IS NULL) AND first_call)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_callback_open" ON "kpi_case_facts" USING btree ("callback_due_at") WHERE ((callback_done_at IS NULL) AND reasonable AND first_call)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_facts_supervision_open" ON "kpi_case_facts" USING btree ("trigger_at") WHERE ((supervised_at IS NULL) AND first_call)`,
    );
  }
}
