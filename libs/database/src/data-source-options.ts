import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@hotline/config';
import type { DataSourceOptions } from 'typeorm';
import { viaLocalSocket } from './domain/local-socket';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Where the TypeORM CLI and the test set-up find migrations (timestamp-named files only). */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', 'migrations', '[0-9]*-*.{ts,js}');

/** Is a PostgreSQL listening on its Unix socket in `dir` for `port` (the socket file PostgreSQL creates)? */
export function postgresSocketExists(dir: string, port: number): boolean {
  return existsSync(join(dir, `.s.PGSQL.${port}`));
}

/** DATABASE_APP_ROLE's value for "sessions keep the DATABASE_URL user" (development only). */
export const NO_ROLE_SWITCH = 'none';

/**
 * The one description of the database connection. The apps use it through DatabaseModule (with
 * entities registered per module, sessions as the app role), the TypeORM CLI and scripts through
 * migrations/data-source.ts (every entity listed, as the owner). Never `synchronize`: the schema
 * changes only through migrations. A database on this machine is reached through its Unix socket.
 */
export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_SOCKET_DIR' | 'DATABASE_POOL_SIZE' | 'DATABASE_APP_ROLE'>,
  applicationName: string,
  session: 'app' | 'owner' = 'owner',
): DataSourceOptions {
  const role = session === 'app' && config.DATABASE_APP_ROLE !== NO_ROLE_SWITCH ? config.DATABASE_APP_ROLE : undefined;
  return {
    type: 'postgres',
    url: viaLocalSocket(config.DATABASE_URL, config.DATABASE_SOCKET_DIR, postgresSocketExists),
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
