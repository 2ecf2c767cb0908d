import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { isDomainError } from '@hotline/core';
import { isDatabaseUnavailable, TransactionService } from '@hotline/database';
import { KafkaProducerService } from '../kafka/kafka-producer.service';
import { isKafkaUnavailable } from '../kafka/kafka-errors';
import type { EventConsumer } from './event-consumer';
import { decodeEvent } from './decode-event';
import { decideOnFailure, retryDelayMs } from './failure-policy';
import { toDeadLetter } from './dead-letter';
import { brokerTopic } from '../topics';
import { ProcessedEventsRepository } from './processed-events.repository';
import { MessagingMetricsService } from '../messaging-metrics.service';

type Outcome = 'applied' | 'duplicate' | 'skipped' | 'dead_lettered';

/**
 * Runs each EventConsumer as its own kafkajs consumer group. Per message: decode and validate
 * (poison → DLQ), then in one transaction record the event id and apply the consumer (duplicate →
 * no-op). Failures follow the failure policy: retry with backoff without committing the offset,
 * or dead-letter and move on. Nothing is dropped silently.
 */
@Injectable()
export class ConsumerRunnerService implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerRunnerService.name);
  private readonly consumers: Consumer[] = [];
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: KafkaProducerService,
    private readonly config: AppConfig,
    private readonly metrics: MessagingMetricsService,
    private readonly db: TransactionService,
    private readonly processed: ProcessedEventsRepository,
    private readonly clock: Clock,
  ) {}

  groupId(consumer: Pick<EventConsumer, 'name'>): string {
    return `${this.config.KAFKA_GROUP_PREFIX}.${consumer.name}`;
  }

  /** Joins the consumer's group and starts consuming; resolves once the group is joined. */
  async start(consumer: EventConsumer): Promise<void> {
    const kafkaConsumer = this.kafka.consumer({
      groupId: this.groupId(consumer),
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      // Fetches return as soon as data arrives; a short long-poll only makes shutdown quicker.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
    this.consumers.push(kafkaConsumer);
    const joined = new Promise<void>((resolve) => kafkaConsumer.on(kafkaConsumer.events.GROUP_JOIN, () => resolve()));
    await kafkaConsumer.connect();
    await kafkaConsumer.subscribe({
      topics: consumer.topics.map((topic) => brokerTopic(this.config.KAFKA_TOPIC_PREFIX, topic)),
      fromBeginning: this.config.KAFKA_NEW_GROUP_START === 'earliest',
    });
    await kafkaConsumer.run({
      partitionsConsumedConcurrently: this.config.KAFKA_TOPIC_PARTITIONS,
      eachMessage: (payload) => this.process(consumer, payload),
    });
    await joined;
    this.logger.log(`consumer ${this.groupId(consumer)} joined ${consumer.topics.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.consumers.splice(0).map((c) => c.disconnect()));
  }

  private async process(consumer: EventConsumer, payload: EachMessagePayload): Promise<void> {
    const outcome = await this.processWithRetry(consumer, payload);
    this.metrics.consumed.inc({ consumer: consumer.name, topic: payload.topic, outcome });
  }

  private async processWithRetry(consumer: EventConsumer, payload: EachMessagePayload): Promise<Outcome> {
    const { topic, partition, message } = payload;
    const decoded = decodeEvent(message.value, consumer);
    if (decoded.kind === 'skip') return 'skipped';
    if (decoded.kind === 'poison') return this.deadLetter(consumer, payload, decoded.reason, decoded.code);

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.run(async () => {
          if (!(await this.processed.record(consumer.name, decoded.event.id, topic))) return 'duplicate';
          await consumer.handle(decoded.event);
          return 'applied';
        });
      } catch (error) {
        const action = decideOnFailure(error, {
          attempt,
          isInfrastructureOutage: (e) => isDatabaseUnavailable(e) || isKafkaUnavailable(e),
        });
        const reason = error instanceof Error ? error.message : String(error);
        if (action === 'dead_letter') {
          return this.deadLetter(consumer, payload, reason, isDomainError(error) ? error.reason : 'internal.error');
        }
        this.logger.warn(
          `${consumer.name}: retrying ${topic}[${partition}]@${message.offset} (attempt ${attempt}): ${reason}`,
        );
        // Throwing leaves the offset uncommitted: the message is redelivered after a restart.
        if (this.stopping) throw error;
        await sleep(retryDelayMs(attempt));
        await payload.heartbeat();
      }
    }
  }

  private async deadLetter(
    consumer: EventConsumer,
    payload: EachMessagePayload,
    reason: string,
    reasonCode: string,
  ): Promise<Outcome> {
    const { topic, partition, message } = payload;
    this.logger.warn(`${consumer.name}: dead-lettering ${topic}[${partition}]@${message.offset}: ${reason}`);
    await this.producer.send([
      toDeadLetter({
        topic,
        partition,
        message,
        consumer: consumer.name,
        reason,
        reasonCode,
        failedAt: this.clock.now(),
      }),
    ]);
    return 'dead_lettered';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
