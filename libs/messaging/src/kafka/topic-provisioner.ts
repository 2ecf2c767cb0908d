import type { Kafka } from 'kafkajs';
import { allTopicNames } from '../topics';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
  /** KAFKA_TOPIC_PREFIX */
  prefix: string;
}

/**
 * Creates the application's topics and their DLQ twins if missing. Idempotent: existing topics
 * are left as they are (partition counts are never changed behind an operator's back).
 */
export async function ensureTopics(kafka: Kafka, layout: TopicLayout): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopicNames(layout.prefix).filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions,
          replicationFactor: layout.replicationFactor,
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
