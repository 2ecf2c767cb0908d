import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Kafka } from 'kafkajs';
import { AppConfig } from '@hotline/config';
import { createKafkaClient, kafkaClientOptions } from './kafka/kafka-client';
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
import { UnitChannelsService } from './kafka/unit-channels.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, ProcessedEventEntity])],
  providers: [
    {
      provide: Kafka,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createKafkaClient(kafkaClientOptions(config)),
    },
    KafkaProducerService,
    OutboxService,
    OutboxNotifierService,
    OutboxRepository,
    OutboxWakeupsRepository,
    ConsumerRunnerService,
    MessagingMetricsService,
    ProcessedEventsRepository,
    UnitChannelsService,
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
    UnitChannelsService,
  ],
})
export class MessagingModule {}
