import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users an admin can disable, re-role and reset (docs/api.md, "Users"), and single sign-on
 * identities as local rows so they can be disabled too: a token version every change bumps (tokens
 * of the old version stop working), where the account comes from, no password for an SSO account.
 * `sign_in_limits`: failed sign-ins per username and per address, shared by every api process
 * (the table layout of rate-limiter-flexible's PostgreSQL store; libs/auth writes it).
 */
export class UserTrust1796256000000 implements MigrationInterface {
  name = 'UserTrust1796256000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "users" ADD "source" text NOT NULL DEFAULT 'local'`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "ck_users_source" CHECK (source IN ('local', 'sso'))`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "ck_users_local_password" CHECK (source = 'sso' OR password_hash IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_limits"`);
    await queryRunner.query(`DELETE FROM "users" WHERE source = 'sso'`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_local_password"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_source"`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
