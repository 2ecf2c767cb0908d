import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { AppConfig } from '@hotline/config';
import { createKafkaClient } from './kafka/kafka-client';
import { KafkaProducerService } from './kafka/kafka-producer.service';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { OutboxNotifierService } from './outbox/outbox-notifier.service';
import { OutboxWakeupsRepository } from './outbox/outbox-wakeups.repository';
import { ConsumerRunnerService } from './consumer/consumer-runner.service';
import { ProcessedEventEntity } from './consumer/processed-event.entity';
import { ProcessedEventsRepository } from './consumer/processed-events.repository';
import { MessagingMetricsService } from './messaging-metrics.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, ProcessedEventEntity])],
  providers: [
    {
      provide: Kafka,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        createKafkaClient({ clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS }),
    },
    KafkaProducerService,
    OutboxService,
    OutboxNotifierService,
    OutboxRepository,
    OutboxWakeupsRepository,
    ConsumerRunnerService,
    MessagingMetricsService,
    ProcessedEventsRepository,
  ],
  exports: [
    Kafka,
    KafkaProducerService,
    OutboxService,
    OutboxRepository,
    OutboxWakeupsRepository,
    ConsumerRunnerService,
    MessagingMetricsService,
    ProcessedEventsRepository,
  ],
})
export class MessagingModule {}
