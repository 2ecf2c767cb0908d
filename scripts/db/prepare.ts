import 'reflect-metadata';
import dataSource from '../../migrations/data-source';
import { loadAppConfig } from '@hotline/config';
import { seedDirectory } from '@hotline/directory';
import { seedCalendar } from '@hotline/sla';
import { createKafkaClient, ensureTopics, kafkaClientOptions } from '@hotline/messaging';
import { ensureDatabase } from './ensure-database';
import { withKnowledge } from './knowledge/context';
import { seedKnowledge } from './knowledge/seed';

/**
 * `npm run prepare:stack`: everything the apps need before they start, all idempotent —
 * creates the database if missing, applies pending migrations, inserts missing reference data,
 * creates missing Kafka topics. Used by `npm run up` and by the test set-up.
 */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const database = new URL(config.DATABASE_URL).pathname.slice(1);
  if (await ensureDatabase(config.DATABASE_URL)) console.log(`db: created database ${database}`);

  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(`db: ${database} migrated (${applied.length} new migration${applied.length === 1 ? '' : 's'})`);
    const seeded = await dataSource.transaction((tx) => seedDirectory(tx));
    // Last year on: deadlines of last year's cases may still be counted on it.
    const lastYear = new Date().getFullYear() - 1;
    const calendar = await dataSource.transaction((tx) => seedCalendar(tx, lastYear));
    console.log(`db: reference data seeded (new rows ${JSON.stringify({ ...seeded, calendarDays: calendar })})`);
    // Through KnowledgeService, like every write of the knowledge base: versions, publishing, the audit trail.
    const knowledgeStarted = Date.now();
    const knowledge = await withKnowledge(({ knowledge }) => seedKnowledge(knowledge));
    console.log(`db: knowledge seed ${JSON.stringify(knowledge)} in ${Date.now() - knowledgeStarted} ms`);
    // The search's common words come from these statistics (docs/decisions.md, "Bounded knowledge
    // search"): taken now, as the owner, rather than whenever autovacuum looks — searches right after
    // a fresh start then rank as they will later.
    await dataSource.query('ANALYZE knowledge_entry_versions');
  } finally {
    await dataSource.destroy();
  }

  const kafka = createKafkaClient(kafkaClientOptions(config, `${config.KAFKA_CLIENT_ID}-prepare`));
  const created = await ensureTopics(kafka, {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    prefix: config.KAFKA_TOPIC_PREFIX,
  });
  console.log(`kafka: topics ready${created.length ? ` (created ${created.join(', ')})` : ''}`);
}

main().catch((error: Error) => {
  console.error(`prepare failed: ${error.message}`);
  process.exit(1);
});
