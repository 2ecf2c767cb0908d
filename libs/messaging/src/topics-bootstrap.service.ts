import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { AppConfig } from '@hotline/config';
import { ensureTopics } from './kafka/topic-provisioner';

/**
 * Creates the application's topics (and their DLQs, see docs/events.md) when an app starts. Provided
 * by the apps themselves, not by MessagingModule: a script that only reads cases never touches Kafka.
 */
@Injectable()
export class TopicsBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Topics');

  constructor(
    private readonly kafka: Kafka,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await ensureTopics(this.kafka, {
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      prefix: this.config.KAFKA_TOPIC_PREFIX,
    });
    if (created.length > 0) this.logger.log(`created topics: ${created.join(', ')}`);
  }
}
