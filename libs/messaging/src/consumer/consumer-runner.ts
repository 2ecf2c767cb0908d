import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { isDatabaseUnavailable } from '@hotline/database';
import { KafkaProducer } from '../kafka/kafka-producer';
import { isKafkaUnavailable } from '../kafka/kafka-errors';
import type { EventHandler } from './event-handler';
import { decodeEvent } from './decode-event';
import { decideOnFailure, retryDelayMs } from './failure-policy';
import { toDeadLetter } from './dead-letter';
import { brokerTopic } from '../topics';
import { ProcessedEventEntity } from './processed-event.entity';
import { MessagingMetrics } from '../messaging.metrics';

type Outcome = 'applied' | 'duplicate' | 'skipped' | 'dead_lettered';

/**
 * Runs each EventHandler as its own kafkajs consumer group. Per message: decode and validate
 * (poison → DLQ), then in one transaction record the event id and apply the handler (duplicate →
 * no-op). Failures follow the failure policy: retry with backoff without committing the offset,
 * or dead-letter and move on. Nothing is dropped silently.
 */
@Injectable()
export class ConsumerRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerRunner.name);
  private readonly consumers: Consumer[] = [];
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
    private readonly config: AppConfig,
    private readonly metrics: MessagingMetrics,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  groupId(handler: Pick<EventHandler, 'name'>): string {
    return `${this.config.KAFKA_GROUP_PREFIX}.${handler.name}`;
  }

  /** Joins the handler's consumer group and starts consuming; resolves once the group is joined. */
  async start(handler: EventHandler): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.groupId(handler),
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      // Fetches return as soon as data arrives; a short long-poll only makes shutdown quicker.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
    this.consumers.push(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({
      topics: handler.topics.map((topic) => brokerTopic(this.config.KAFKA_TOPIC_PREFIX, topic)),
      fromBeginning: this.config.KAFKA_NEW_GROUP_START === 'earliest',
    });
    await consumer.run({
      partitionsConsumedConcurrently: this.config.KAFKA_TOPIC_PARTITIONS,
      eachMessage: (payload) => this.process(handler, payload),
    });
    await joined;
    this.logger.log(`consumer ${this.groupId(handler)} joined ${handler.topics.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.consumers.splice(0).map((c) => c.disconnect()));
  }

  private async process(handler: EventHandler, payload: EachMessagePayload): Promise<void> {
    const outcome = await this.processWithRetry(handler, payload);
    this.metrics.consumed.inc({ consumer: handler.name, topic: payload.topic, outcome });
  }

  private async processWithRetry(handler: EventHandler, payload: EachMessagePayload): Promise<Outcome> {
    const { topic, partition, message } = payload;
    const decoded = decodeEvent(message.value, handler);
    if (decoded.kind === 'skip') return 'skipped';
    if (decoded.kind === 'poison') return this.deadLetter(handler, payload, decoded.reason);

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (tx) => {
          const inserted = await tx
            .createQueryBuilder()
            .insert()
            .into(ProcessedEventEntity)
            .values({ consumer: handler.name, eventId: decoded.event.id, topic })
            .orIgnore()
            .returning('event_id')
            .execute();
          if ((inserted.raw as unknown[]).length === 0) return 'duplicate';
          await handler.handle(decoded.event, tx);
          return 'applied';
        });
      } catch (error) {
        const action = decideOnFailure(error, {
          attempt,
          isInfrastructureOutage: (e) => isDatabaseUnavailable(e) || isKafkaUnavailable(e),
        });
        const reason = error instanceof Error ? error.message : String(error);
        if (action === 'dead_letter') return this.deadLetter(handler, payload, reason);
        this.logger.warn(
          `${handler.name}: retrying ${topic}[${partition}]@${message.offset} (attempt ${attempt}): ${reason}`,
        );
        // Throwing leaves the offset uncommitted: the message is redelivered after a restart.
        if (this.stopping) throw error;
        await sleep(retryDelayMs(attempt));
        await payload.heartbeat();
      }
    }
  }

  private async deadLetter(handler: EventHandler, payload: EachMessagePayload, reason: string): Promise<Outcome> {
    const { topic, partition, message } = payload;
    this.logger.warn(`${handler.name}: dead-lettering ${topic}[${partition}]@${message.offset}: ${reason}`);
    await this.producer.send([
      toDeadLetter({ topic, partition, message, consumer: handler.name, reason, failedAt: this.clock.now() }),
    ]);
    return 'dead_lettered';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
