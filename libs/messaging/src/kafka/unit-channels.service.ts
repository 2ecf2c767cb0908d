import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Admin, Kafka } from 'kafkajs';
import { AppConfig } from '@hotline/config';
import { unitOfInboxTopic, unitOfRepliesTopic, unprefixedTopic } from '../topics';
import { ensureUnitChannels } from './topic-provisioner';

/**
 * The units' channel topics on the broker (docs/events.md, "Unit channels"). An inbox is created
 * the first time the centre writes to it (a unit without a system of its own still gets its orders
 * kept there); a unit's replies topic is created when its system is connected (`npm run kafka:unit`),
 * and the worker reads every replies topic it finds.
 */
@Injectable()
export class UnitChannelsService implements OnModuleDestroy {
  private readonly known = new Set<string>();
  private admin: Promise<Admin> | undefined;
  /** Set on shutdown: a look still in flight must not connect a new admin client that nobody closes. */
  private closed = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: AppConfig,
  ) {}

  /** Makes sure the units' inbox topics among `topics` (broker names) exist before a send. */
  async ensureInboxes(topics: Iterable<string>): Promise<void> {
    const prefix = this.config.KAFKA_TOPIC_PREFIX;
    const unknown = new Map<string, string>();
    for (const topic of topics) {
      const unitCode = unitOfInboxTopic(unprefixedTopic(prefix, topic));
      if (unitCode !== null && !this.known.has(topic)) unknown.set(topic, unitCode);
    }
    if (unknown.size === 0) return;
    await ensureUnitChannels(await this.connected(), [...unknown.values()], this.layout(), ['inbox']);
    for (const topic of unknown.keys()) this.known.add(topic);
  }

  /** Every unit replies topic on the broker now (unprefixed names), sorted. */
  async replyTopics(): Promise<string[]> {
    const admin = await this.connected();
    const prefix = this.config.KAFKA_TOPIC_PREFIX;
    return (await admin.listTopics())
      .filter((topic) => topic.startsWith(prefix))
      .map((topic) => unprefixedTopic(prefix, topic))
      .filter((topic) => unitOfRepliesTopic(topic) !== null)
      .sort();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const admin = await this.admin?.catch(() => undefined);
    this.admin = undefined;
    await admin?.disconnect();
  }

  private layout() {
    return {
      prefix: this.config.KAFKA_TOPIC_PREFIX,
      partitions: this.config.KAFKA_UNIT_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    };
  }

  private connected(): Promise<Admin> {
    if (this.closed) return Promise.reject(new Error('unit channels: the app is shutting down'));
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
      } catch (error) {
        this.admin = undefined;
        throw error;
      }
      return admin;
    })();
    return this.admin;
  }
}
