import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_ITEM_INDEXES = [
  ['ix_kpi_facts_supervision_open', 'trigger_at', 'supervised_at IS NULL AND trigger_at IS NOT NULL AND first_call'],
  [
    'ix_kpi_facts_callback_open',
    'callback_due_at',
    'callback_done_at IS NULL AND callback_due_at IS NOT NULL AND reasonable AND first_call',
  ],
  [
    'ix_kpi_facts_response_open',
    'response_due_at',
    'responded_at IS NULL AND response_due_at IS NOT NULL AND first_call',
  ],
  [
    'ix_kpi_facts_dispatch_open',
    'dispatch_due_at',
    'first_dispatched_at IS NULL AND no_dispatch_needed = false AND first_call',
  ],
] as const;
const GROUP_COLUMNS = `"unit_code", "district_code", "street_code", "hotline", "category_code"`;

/** The rollup tables, their keys before this migration and their counts. */
const ROLLUPS = [
  {
    table: 'kpi_rollups',
    key: ['group_kind', 'day', 'metric', 'group_key'],
    counts: ['hit', 'miss', 'pending', 'open'],
  },
  {
    table: 'kpi_callback_rollups',
    key: ['group_kind', 'day', 'group_key'],
    counts: ['asked_solved', 'solved', 'rated', 'satisfied'],
  },
] as const;

/**
 * The enterprise service channel (docs/product.md; docs/decisions.md, issue 12): who raised a demand, the
 * company of an enterprise's and whether it is sensitive, on the case; the requester kind in the KPI
 * projection — every count keyed by it too, so reports can be narrowed to and grouped by it. Earlier cases
 * and counts are citizens'.
 */
export class EnterpriseChannel1796256300000 implements MigrationInterface {
  name = 'EnterpriseChannel1796256300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "requester_kind" text NOT NULL DEFAULT 'citizen'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "company_name" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "company_credit_code" text`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "sensitive" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "ck_cases_requester" CHECK (` +
        `(requester_kind = 'enterprise' AND company_name IS NOT NULL AND company_credit_code IS NOT NULL) OR ` +
        `(requester_kind = 'citizen' AND company_name IS NULL AND company_credit_code IS NULL AND NOT sensitive))`,
    );

    // The projection writes the kind always; the default only fills the rows already there.
    await addKind(queryRunner, 'kpi_case_facts');
    for (const [name, column, where] of OPEN_ITEM_INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "kpi_case_facts" ("${column}", ${GROUP_COLUMNS}, "requester_kind") WHERE ${where}`,
      );
    }
    for (const { table, key } of ROLLUPS) {
      await addKind(queryRunner, table);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "pk_${table}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "pk_${table}" PRIMARY KEY (${[...key, 'requester_kind'].join(', ')})`,
      );
    }
  }

  /** Folds each group's citizen and enterprise counts back into one row; the companies are lost. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, key, counts } of ROLLUPS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "pk_${table}"`);
      await queryRunner.query(
        `WITH split AS (DELETE FROM "${table}" RETURNING *)
         INSERT INTO "${table}" (${[...key, 'requester_kind', ...counts].join(', ')})
         SELECT ${key.join(', ')}, 'citizen', ${counts.map((c) => `sum(${c})`).join(', ')}
           FROM split GROUP BY ${key.join(', ')}`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "requester_kind"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "pk_${table}" PRIMARY KEY (${key.join(', ')})`);
    }
    for (const [name, column, where] of OPEN_ITEM_INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(
        `CREATE INDEX "${name}" ON "kpi_case_facts" ("${column}", ${GROUP_COLUMNS}) WHERE ${where}`,
      );
    }
    await queryRunner.query(`ALTER TABLE "kpi_case_facts" DROP COLUMN "requester_kind"`);

    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "ck_cases_requester"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "sensitive"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "company_credit_code"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "company_name"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "requester_kind"`);
  }
}

async function addKind(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ADD "requester_kind" text NOT NULL DEFAULT 'citizen'`);
  await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "requester_kind" DROP DEFAULT`);
}
