import { join } from 'node:path';
import type { AppConfig } from '@hotline/config';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Where the TypeORM CLI and the test set-up find migrations (timestamp-named files only). */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', 'migrations', '[0-9]*-*.{ts,js}');

/**
 * The one description of the database connection. The apps use it through DatabaseModule (with
 * entities registered per module, sessions as the app role), the TypeORM CLI and scripts through
 * migrations/data-source.ts (every entity listed, as the owner). Never `synchronize`: the schema
 * changes only through migrations.
 */
/** DATABASE_APP_ROLE's value for "sessions keep the DATABASE_URL user" (development only). */
export const NO_ROLE_SWITCH = 'none';

export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATABASE_APP_ROLE'>,
  applicationName: string,
  session: 'app' | 'owner' = 'owner',
): DataSourceOptions {
  const role = session === 'app' && config.DATABASE_APP_ROLE !== NO_ROLE_SWITCH ? config.DATABASE_APP_ROLE : undefined;
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: config.DATABASE_POOL_SIZE,
      application_name: applicationName,
      // Fail a request quickly when the database is unreachable instead of queueing it forever.
      connectionTimeoutMillis: 3000,
      // The apps' sessions run with the app role's privileges (no UPDATE/DELETE on the history).
      ...(role ? { options: `-c role=${role}` } : {}),
    },
  };
}
