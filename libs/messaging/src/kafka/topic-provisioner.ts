import type { Admin, Kafka } from 'kafkajs';
import { allTopicNames, brokerTopic, unitInboxTopic, unitRepliesTopic } from '../topics';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
  /** KAFKA_TOPIC_PREFIX */
  prefix: string;
}

/**
 * Creates the application's shared topics and their DLQ twins if missing. Idempotent: existing
 * topics are left as they are (partition counts are never changed behind an operator's back).
 */
export async function ensureTopics(kafka: Kafka, layout: TopicLayout): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await createMissing(admin, allTopicNames(layout.prefix), layout);
  } finally {
    await admin.disconnect();
  }
}

export type UnitChannel = 'inbox' | 'replies';

/** The broker names of units' channel topics (docs/events.md): each unit's inbox and replies. */
export function unitChannelTopics(
  prefix: string,
  unitCodes: readonly string[],
  channels: readonly UnitChannel[] = ['inbox', 'replies'],
): string[] {
  const name = { inbox: unitInboxTopic, replies: unitRepliesTopic };
  return unitCodes.flatMap((code) => channels.map((channel) => brokerTopic(prefix, name[channel](code))));
}

/** Creates whichever of the units' channel topics are missing; returns the ones created. */
export function ensureUnitChannels(
  admin: Admin,
  unitCodes: readonly string[],
  layout: TopicLayout,
  channels?: readonly UnitChannel[],
): Promise<string[]> {
  return createMissing(admin, unitChannelTopics(layout.prefix, unitCodes, channels), layout);
}

async function createMissing(admin: Admin, names: readonly string[], layout: TopicLayout): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = names.filter((topic) => !existing.has(topic));
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
}
