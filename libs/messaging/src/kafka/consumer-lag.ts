import type { Kafka } from 'kafkajs';

export interface GroupLag {
  group: string;
  topic: string;
  lag: number;
}

/**
 * Lag of every consumer group whose id starts with `groupPrefix`: per topic, the sum over
 * partitions of (high watermark − committed offset). A partition the group has never committed
 * counts from where such a group starts: the low watermark (`earliest`) or nothing (`latest`).
 */
export async function fetchConsumerLag(
  kafka: Kafka,
  groupPrefix: string,
  newGroupStart: 'earliest' | 'latest',
): Promise<GroupLag[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const watermarks = new Map<string, Map<number, { high: number; low: number }>>();
    const result: GroupLag[] = [];
    for (const { groupId } of groups.filter((g) => g.groupId.startsWith(`${groupPrefix}.`))) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId })) {
        if (!watermarks.has(topic)) {
          const offsets = await admin.fetchTopicOffsets(topic);
          watermarks.set(
            topic,
            new Map(offsets.map((o) => [o.partition, { high: Number(o.high), low: Number(o.low) }])),
          );
        }
        const marks = watermarks.get(topic)!;
        const lag = partitions.reduce((sum, p) => {
          const mark = marks.get(p.partition);
          if (!mark) return sum;
          const never = newGroupStart === 'earliest' ? mark.low : mark.high;
          const committed = Number(p.offset) >= 0 ? Number(p.offset) : never;
          return sum + Math.max(0, mark.high - committed);
        }, 0);
        result.push({ group: groupId, topic, lag });
      }
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}
