import { MigrationInterface, QueryRunner } from 'typeorm';

/** The applications that may file Open311 requests, by the SHA-256 of their key: libs/open311. */
export class Open311Clients1796257200000 implements MigrationInterface {
  name = 'Open311Clients1796257200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open311_clients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "key_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "issued_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_open311_clients" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_open311_clients_name" ON "open311_clients"  ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_open311_clients_key_hash" ON "open311_clients"  ("key_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_open311_clients_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ux_open311_clients_name"`);
    await queryRunner.query(`DROP TABLE "open311_clients"`);
  }
}
