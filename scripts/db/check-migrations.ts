import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import dataSource from '../../migrations/data-source';
import { ensureDatabase } from './ensure-database';

/**
 * `npm run migration:roundtrip`: on a scratch database, applies every migration, reverts every one
 * (each `down` must work and leave no table behind), and applies them again. Drops the scratch
 * database afterwards.
 */
async function main(): Promise<void> {
  const scratch = new URL(String((dataSource.options as { url: string }).url));
  scratch.pathname = '/hotline_migration_check';
  await dropDatabase(scratch);
  await ensureDatabase(scratch.toString());
  const ds = new DataSource({ ...dataSource.options, url: scratch.toString(), logging: false } as never);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const left: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    if (left.length > 0) throw new Error(`down() left tables behind: ${left.map((t) => t.table_name).join(', ')}`);
    const again = await ds.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${applied.length} applied, reverted and re-applied (${again.length}) cleanly`);
  } finally {
    await ds.destroy();
    await dropDatabase(scratch);
  }
}

async function dropDatabase(url: URL): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
}

main().catch((error: Error) => {
  console.error(`migration round trip failed: ${error.message}`);
  process.exit(1);
});
