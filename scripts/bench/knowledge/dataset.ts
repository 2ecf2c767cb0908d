import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { withKnowledge } from '../../db/knowledge/context';
import { generateEntries, GENERATOR_SEED, knowledgeReference } from './generate-entries';

const ROOT = join(__dirname, '..', '..', '..');
/** Bump when the generator changes: a stored dataset of another version is regenerated. */
const GENERATOR_VERSION = 1;
const BATCH = 500;

/** A bench database of the knowledge suite on the same server as DATABASE_URL. */
export function knowledgeBenchDatabaseUrl(name: 'hotline_knowledge_bench' | 'hotline_knowledge_200k_bench'): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline');
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates (if missing), migrates and seeds a database — the 421 seed entries included: the apps' prepare:stack. */
export function prepareDatabase(databaseUrl: string): void {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_TOPIC_PREFIX: 'bench.',
    TS_NODE_TRANSPILE_ONLY: 'true',
  };
  const prepared = spawnSync('npm', ['run', '-s', 'prepare:stack'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (prepared.status !== 0) throw new Error(`prepare:stack failed for ${databaseUrl}`);
}

/** A fresh database, dropped first. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
  prepareDatabase(databaseUrl);
}

interface Marker {
  version: number;
  entries: number;
  seed: number;
}

/**
 * The seed and `entries` generated entries, loaded once through the importers' bulk path
 * (KnowledgeService.upsertManyByRef, 500 to a transaction) and reused while the generator and the
 * count stay the same (a marker in the database's comment). Returns the load's seconds, or null.
 */
export async function ensureKnowledgeDataset(
  entries: number,
): Promise<{ databaseUrl: string; loadSeconds: number | null }> {
  const databaseUrl = knowledgeBenchDatabaseUrl('hotline_knowledge_200k_bench');
  const name = new URL(databaseUrl).pathname.slice(1);
  const stored = await readMarker(databaseUrl, name);
  if (stored && stored.version === GENERATOR_VERSION && stored.entries === entries && stored.seed === GENERATOR_SEED) {
    prepareDatabase(databaseUrl);
    return { databaseUrl, loadSeconds: null };
  }
  const started = Date.now();
  await recreateDatabase(databaseUrl);
  const reference = await knowledgeReference(databaseUrl);
  process.env.DATABASE_URL = databaseUrl;
  await withKnowledge(async ({ knowledge }) => {
    let batch = [];
    let done = 0;
    for (const entry of generateEntries(reference, entries)) {
      batch.push(entry);
      if (batch.length === BATCH) {
        await knowledge.upsertManyByRef(batch);
        done += batch.length;
        batch = [];
        if (done % 20_000 === 0) console.log(`knowledge bench: ${done} of ${entries} entries loaded`);
      }
    }
    await knowledge.upsertManyByRef(batch);
  });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
    const marker: Marker = { version: GENERATOR_VERSION, entries, seed: GENERATOR_SEED };
    await client.query(`COMMENT ON DATABASE ${name} IS '${JSON.stringify(marker)}'`);
  } finally {
    await client.end();
  }
  return { databaseUrl, loadSeconds: (Date.now() - started) / 1000 };
}

async function readMarker(databaseUrl: string, name: string): Promise<Marker | null> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows[0]?.comment ? (JSON.parse(rows[0].comment) as Marker) : null;
  } finally {
    await client.end();
  }
}
