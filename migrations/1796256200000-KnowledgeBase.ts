import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (libs/knowledge; docs/product.md, "Knowledge base"): entries and their versions.
 * Versions are append-only like the case history (the same trigger, and no UPDATE/DELETE grant for
 * the app's role). Search runs on each version's tsvector (GIN) and on its title's characters with
 * pg_trgm (a GIN trigram index), whose extension this migration enables.
 */
export class KnowledgeBase1796256200000 implements MigrationInterface {
  name = 'KnowledgeBase1796256200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "knowledge_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ref" text, ` +
        `"status" text NOT NULL, "current_version" integer NOT NULL, "published_version" integer, ` +
        `"owner_unit_code" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `"updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "ck_knowledge_entries_status_version" CHECK (CASE status WHEN 'published' THEN published_version IS NOT NULL WHEN 'draft' THEN published_version IS NULL ELSE true END), ` +
        `CONSTRAINT "ck_knowledge_entries_published_version" CHECK (published_version IS NULL OR published_version BETWEEN 1 AND current_version), ` +
        `CONSTRAINT "ck_knowledge_entries_status" CHECK (status IN ('draft', 'published', 'retired')), ` +
        `CONSTRAINT "pk_knowledge_entries" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_knowledge_entries_ref" ON "knowledge_entries" ("ref")`);
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_entries_owner_unit_code" ON "knowledge_entries" ("owner_unit_code")`,
    );
    await queryRunner.query(
      `CREATE TABLE "knowledge_entry_versions" ("entry_id" uuid NOT NULL, "version" integer NOT NULL, ` +
        `"title" text NOT NULL, "questions" text array NOT NULL DEFAULT '{}', "answer" text NOT NULL, ` +
        `"kind" text NOT NULL, "audience" text NOT NULL, "category_codes" text array NOT NULL DEFAULT '{}', ` +
        `"owner_unit_code" text NOT NULL, "document_number" text, "source" text, "effective_from" date NOT NULL, ` +
        `"effective_to" date, "review_by" date, "search_document" tsvector NOT NULL, "search_title" text NOT NULL, ` +
        `"search_answer" text NOT NULL, "created_by" uuid, ` +
        `"created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), ` +
        `CONSTRAINT "ck_knowledge_entry_versions_effective" CHECK (effective_to IS NULL OR effective_to >= effective_from), ` +
        `CONSTRAINT "ck_knowledge_entry_versions_audience" CHECK (audience IN ('citizen', 'enterprise', 'both')), ` +
        `CONSTRAINT "ck_knowledge_entry_versions_kind" CHECK (kind IN ('policy', 'guide', 'responsibility', 'enforcement', 'procedure', 'faq')), ` +
        `CONSTRAINT "ck_knowledge_entry_versions_version" CHECK (version >= 1), ` +
        `CONSTRAINT "pk_knowledge_entry_versions" PRIMARY KEY ("entry_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_entry_versions_search_document" ON "knowledge_entry_versions" USING gin ("search_document")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_entry_versions_search_title" ON "knowledge_entry_versions" USING gin ("search_title" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_entries" ADD CONSTRAINT "fk_knowledge_entries_owner_unit" FOREIGN KEY ("owner_unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_entry_versions" ADD CONSTRAINT "fk_knowledge_entry_versions_entry" FOREIGN KEY ("entry_id") REFERENCES "knowledge_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_entry_versions" ADD CONSTRAINT "fk_knowledge_entry_versions_owner_unit" FOREIGN KEY ("owner_unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A version once written is never rewritten (refuse_history_rewrite: AuditAndAppendOnlyHistory).
    await queryRunner.query(`CREATE TRIGGER knowledge_entry_versions_append_only BEFORE UPDATE OR DELETE
              ON knowledge_entry_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await queryRunner.query(`CREATE TRIGGER knowledge_entry_versions_no_truncate BEFORE TRUNCATE
              ON knowledge_entry_versions FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON knowledge_entry_versions FROM hotline_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER knowledge_entry_versions_no_truncate ON knowledge_entry_versions`);
    await queryRunner.query(`DROP TRIGGER knowledge_entry_versions_append_only ON knowledge_entry_versions`);
    await queryRunner.query(
      `ALTER TABLE "knowledge_entry_versions" DROP CONSTRAINT "fk_knowledge_entry_versions_owner_unit"`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_entry_versions" DROP CONSTRAINT "fk_knowledge_entry_versions_entry"`,
    );
    await queryRunner.query(`ALTER TABLE "knowledge_entries" DROP CONSTRAINT "fk_knowledge_entries_owner_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_entry_versions_search_title"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_entry_versions_search_document"`);
    await queryRunner.query(`DROP TABLE "knowledge_entry_versions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_entries_owner_unit_code"`);
    await queryRunner.query(`DROP INDEX "public"."ux_knowledge_entries_ref"`);
    await queryRunner.query(`DROP TABLE "knowledge_entries"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
