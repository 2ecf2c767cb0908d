import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge search counts the base's common words from PostgreSQL's statistics of the search
 * column (docs/decisions.md, "Bounded knowledge search"): ANALYZE keeps up to ten times a column's
 * statistics target of its most common words, so a target of 1000 follows 10,000 of them.
 */
export class KnowledgeWordStatistics1796256700000 implements MigrationInterface {
  name = 'KnowledgeWordStatistics1796256700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "knowledge_entry_versions" ALTER COLUMN "search_document" SET STATISTICS 1000`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "knowledge_entry_versions" ALTER COLUMN "search_document" SET STATISTICS -1`);
  }
}
