import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The title search's characters in a narrow table of their own (docs/decisions.md, "Bounded knowledge
 * search"): the trigram index moves from the versions' wide rows to it, so the rows its recheck reads
 * are a title's length, not a version's. Filled from the versions; append-only like them.
 */
export class KnowledgeTitleCharacters1796256800000 implements MigrationInterface {
  name = 'KnowledgeTitleCharacters1796256800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "knowledge_title_characters" ("entry_id" uuid NOT NULL, "version" integer NOT NULL, ` +
        `"characters" text NOT NULL, ` +
        `CONSTRAINT "pk_knowledge_title_characters" PRIMARY KEY ("entry_id", "version"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "knowledge_title_characters" ADD CONSTRAINT "fk_knowledge_title_characters_version" ` +
        `FOREIGN KEY ("entry_id", "version") REFERENCES "knowledge_entry_versions"("entry_id","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO knowledge_title_characters (entry_id, version, characters)
       SELECT entry_id, version, search_title FROM knowledge_entry_versions`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_title_characters_characters" ON "knowledge_title_characters" USING gin ("characters" gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_knowledge_entry_versions_search_title"`);
    await queryRunner.query(`CREATE TRIGGER knowledge_title_characters_append_only BEFORE UPDATE OR DELETE
              ON knowledge_title_characters FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await queryRunner.query(`CREATE TRIGGER knowledge_title_characters_no_truncate BEFORE TRUNCATE
              ON knowledge_title_characters FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON knowledge_title_characters FROM hotline_app`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_knowledge_entry_versions_search_title" ON "knowledge_entry_versions" USING gin ("search_title" gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP TABLE "knowledge_title_characters"`);
  }
}
