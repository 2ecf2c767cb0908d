import { Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { AppConfig } from '@hotline/config';
import { createKafkaClient } from './kafka/kafka-client';
import { KafkaProducer } from './kafka/kafka-producer';
import { ensureTopics } from './kafka/topic-provisioner';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxWriter } from './outbox/outbox.writer';
import { OutboxNotifier } from './outbox/outbox-notifier';
import { ConsumerRunner } from './consumer/consumer-runner';
import { ProcessedEventEntity } from './consumer/processed-event.entity';
import { ProcessedEventsRepository } from './consumer/processed-events.repository';
import { MessagingMetrics } from './messaging.metrics';

/** Creates the topics of SPEC §6 (and their DLQs) when an app starts. */
@Injectable()
class TopicBootstrap implements OnApplicationBootstrap {
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

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, ProcessedEventEntity])],
  providers: [
    {
      provide: Kafka,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        createKafkaClient({ clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS }),
    },
    TopicBootstrap,
    KafkaProducer,
    OutboxWriter,
    OutboxNotifier,
    OutboxRepository,
    ConsumerRunner,
    MessagingMetrics,
    ProcessedEventsRepository,
  ],
  exports: [
    Kafka,
    KafkaProducer,
    OutboxWriter,
    OutboxRepository,
    ConsumerRunner,
    MessagingMetrics,
    ProcessedEventsRepository,
  ],
})
export class MessagingModule {}
