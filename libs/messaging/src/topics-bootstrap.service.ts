import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { AppConfig } from '@hotline/config';
import { ensureTopics } from './kafka/topic-provisioner';
import { untilKafkaAnswers } from './kafka/until-kafka-answers';

/**
 * Creates the application's topics (and their DLQs, see docs/events.md) when an app starts, waiting
 * for a broker that is away. Provided by the apps themselves, not by MessagingModule: a script that
 * only reads cases never touches Kafka.
 */
@Injectable()
export class TopicsBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Topics');

  constructor(
    private readonly kafka: Kafka,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const layout = {
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      prefix: this.config.KAFKA_TOPIC_PREFIX,
    };
    const created = await untilKafkaAnswers('creating topics', () => ensureTopics(this.kafka, layout), {
      warn: (message) => this.logger.warn(message),
      stopping: () => false,
    });
    if (created.length > 0) this.logger.log(`created topics: ${created.join(', ')}`);
  }
}
