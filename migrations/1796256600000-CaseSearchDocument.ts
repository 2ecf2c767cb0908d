import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case search on the knowledge base's index (docs/decisions.md, "Case search (issue 12)"): a segmented
 * tsvector of the description (B) and address (C), written by the api at registration. Rows registered
 * before it stay NULL until `npm run cases:reindex` fills them (docs/operations.md).
 */
export class CaseSearchDocument1796256600000 implements MigrationInterface {
  name = 'CaseSearchDocument1796256600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "search_document" tsvector`);
    await queryRunner.query(`CREATE INDEX "ix_cases_search_document" ON "cases" USING gin ("search_document")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_cases_search_document"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "search_document"`);
  }
}
