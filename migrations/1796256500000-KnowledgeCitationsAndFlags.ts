import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answering on the call (libs/knowledge; docs/product.md, "Knowledge base"): the entries and versions
 * an answer rested on (`knowledge_citations`, append-only like the case history: the same trigger,
 * and no UPDATE/DELETE grant for the app's role), and flags on entries for their owning unit
 * (`knowledge_flags`).
 */
export class KnowledgeCitationsAndFlags1796256500000 implements MigrationInterface {
  name = 'KnowledgeCitationsAndFlags1796256500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "knowledge_citations" ("case_id" uuid NOT NULL, "entry_id" uuid NOT NULL, "version" integer NOT NULL, "cited_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cited_by" uuid, CONSTRAINT "pk_knowledge_citations" PRIMARY KEY ("case_id", "entry_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_citations_entry" ON "knowledge_citations"  ("entry_id", "cited_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_knowledge_citations_cited_at" ON "knowledge_citations"  ("cited_at") `);
    await queryRunner.query(
      `CREATE TABLE "knowledge_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entry_id" uuid NOT NULL, "version" integer NOT NULL, "owner_unit_code" text NOT NULL, "reason" text NOT NULL, "note" text, "status" text NOT NULL, "flagged_by" uuid NOT NULL, "flagged_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution" text, CONSTRAINT "ck_knowledge_flags_status" CHECK (status IN ('open', 'resolved')), CONSTRAINT "ck_knowledge_flags_reason" CHECK (reason IN ('wrong', 'outdated', 'unclear')), CONSTRAINT "pk_knowledge_flags" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_knowledge_flags_entry_id" ON "knowledge_flags"  ("entry_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_flags_owner_status" ON "knowledge_flags"  ("owner_unit_code", "status", "flagged_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_citations" ADD CONSTRAINT "fk_knowledge_citations_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_citations" ADD CONSTRAINT "fk_knowledge_citations_version" FOREIGN KEY ("entry_id", "version") REFERENCES "knowledge_entry_versions"("entry_id","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_flags" ADD CONSTRAINT "fk_knowledge_flags_entry" FOREIGN KEY ("entry_id") REFERENCES "knowledge_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_flags" ADD CONSTRAINT "fk_knowledge_flags_owner_unit" FOREIGN KEY ("owner_unit_code") REFERENCES "units"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A citation once written is never rewritten (refuse_history_rewrite: AuditAndAppendOnlyHistory).
    await queryRunner.query(`CREATE TRIGGER knowledge_citations_append_only BEFORE UPDATE OR DELETE
              ON knowledge_citations FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await queryRunner.query(`CREATE TRIGGER knowledge_citations_no_truncate BEFORE TRUNCATE
              ON knowledge_citations FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON knowledge_citations FROM hotline_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER knowledge_citations_no_truncate ON knowledge_citations`);
    await queryRunner.query(`DROP TRIGGER knowledge_citations_append_only ON knowledge_citations`);
    await queryRunner.query(`ALTER TABLE "knowledge_flags" DROP CONSTRAINT "fk_knowledge_flags_owner_unit"`);
    await queryRunner.query(`ALTER TABLE "knowledge_flags" DROP CONSTRAINT "fk_knowledge_flags_entry"`);
    await queryRunner.query(`ALTER TABLE "knowledge_citations" DROP CONSTRAINT "fk_knowledge_citations_version"`);
    await queryRunner.query(`ALTER TABLE "knowledge_citations" DROP CONSTRAINT "fk_knowledge_citations_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_flags_owner_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_flags_entry_id"`);
    await queryRunner.query(`DROP TABLE "knowledge_flags"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_citations_cited_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_citations_entry"`);
    await queryRunner.query(`DROP TABLE "knowledge_citations"`);
  }
}
