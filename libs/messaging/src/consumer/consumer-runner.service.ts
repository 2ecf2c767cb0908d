import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { isDomainError } from '@hotline/core';
import { isDatabaseUnavailable, TransactionService } from '@hotline/database';
import { KafkaProducerService, ProducedMessage } from '../kafka/kafka-producer.service';
import { isKafkaUnavailable } from '../kafka/kafka-errors';
import { untilKafkaAnswers } from '../kafka/until-kafka-answers';
import { UnitChannelsService } from '../kafka/unit-channels.service';
import type { EventConsumer, Refusal } from './event-consumer';
import { decodeEvent } from './decode-event';
import { decideOnFailure, retryDelayMs } from './failure-policy';
import { toDeadLetter } from './dead-letter';
import { brokerTopic, deadLetterTopicOf, unprefixedTopic } from '../topics';
import { ProcessedEventsRepository } from './processed-events.repository';
import { MessagingMetricsService } from '../messaging-metrics.service';

type Outcome = 'applied' | 'duplicate' | 'skipped' | 'dead_lettered';

/**
 * Runs each EventConsumer as its own kafkajs consumer group. Per message: decode and validate
 * (poison → DLQ), then in one transaction record the event id and apply the consumer (duplicate →
 * no-op). Failures follow the failure policy: retry with backoff without committing the offset,
 * or dead-letter and move on — telling the sender too where the consumer says how. Nothing is
 * dropped silently.
 */
@Injectable()
export class ConsumerRunnerService implements OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerRunnerService.name);
  private readonly running = new Map<string, Consumer>();
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: KafkaProducerService,
    private readonly config: AppConfig,
    private readonly metrics: MessagingMetricsService,
    private readonly db: TransactionService,
    private readonly processed: ProcessedEventsRepository,
    private readonly channels: UnitChannelsService,
    private readonly clock: Clock,
  ) {}

  groupId(consumer: Pick<EventConsumer, 'name'>): string {
    return `${this.config.KAFKA_GROUP_PREFIX}.${consumer.name}`;
  }

  /**
   * Joins the consumer's group on its topics as they are now; resolves once the group is joined,
   * waiting for a broker that is away (each try from a fresh kafkajs consumer).
   */
  async start(consumer: EventConsumer): Promise<void> {
    await untilKafkaAnswers(`starting consumer ${this.groupId(consumer)}`, () => this.join(consumer), {
      warn: (message) => this.logger.warn(message),
      stopping: () => this.stopping,
    });
  }

  private async join(consumer: EventConsumer): Promise<void> {
    const kafkaConsumer = this.kafka.consumer({
      groupId: this.groupId(consumer),
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      // Fetches return as soon as data arrives; a short long-poll only makes shutdown quicker.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
    this.running.set(consumer.name, kafkaConsumer);
    const topics = [...consumer.topics];
    let hasJoined = false;
    const joined = new Promise<void>((resolve, reject) => {
      kafkaConsumer.on(kafkaConsumer.events.GROUP_JOIN, () => {
        hasJoined = true;
        resolve();
      });
      // kafkajs restarts a crashed consumer itself only after a retriable error; after any other it
      // stops for good. Before the join, that fails this try; after it, the consumer starts anew.
      kafkaConsumer.on(kafkaConsumer.events.CRASH, ({ payload }) => {
        if (payload.restart || this.stopping) return;
        if (!hasJoined) reject(payload.error);
        else void this.recover(consumer, payload.error);
      });
    });
    try {
      await kafkaConsumer.connect();
      await kafkaConsumer.subscribe({
        topics: topics.map((topic) => brokerTopic(this.config.KAFKA_TOPIC_PREFIX, topic)),
        fromBeginning: this.config.KAFKA_NEW_GROUP_START === 'earliest',
      });
      await kafkaConsumer.run({
        partitionsConsumedConcurrently: this.config.KAFKA_TOPIC_PARTITIONS,
        eachMessage: (payload) => this.process(consumer, payload),
      });
      await joined;
    } catch (error) {
      if (this.running.get(consumer.name) === kafkaConsumer) this.running.delete(consumer.name);
      await kafkaConsumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.logger.log(`consumer ${this.groupId(consumer)} joined ${topics.length} topic(s): ${summary(topics)}`);
  }

  /** A consumer kafkajs gave up on: a new one in its place, for as long as it takes. */
  private async recover(consumer: EventConsumer, cause: Error): Promise<void> {
    this.logger.error(
      `consumer ${this.groupId(consumer)} stopped (${cause.name}: ${cause.message}); starting it again`,
    );
    try {
      await this.restart(consumer);
    } catch (error) {
      this.logger.error(`consumer ${this.groupId(consumer)} could not be started again: ${(error as Error).message}`);
    }
  }

  /** Leaves the group and joins again, reading `consumer.topics` anew (a new unit's channel). */
  async restart(consumer: EventConsumer): Promise<void> {
    await this.running.get(consumer.name)?.disconnect();
    this.running.delete(consumer.name);
    if (!this.stopping) await this.start(consumer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const consumers = [...this.running.values()];
    this.running.clear();
    await Promise.all(consumers.map((c) => c.disconnect()));
  }

  private async process(consumer: EventConsumer, payload: EachMessagePayload): Promise<void> {
    const outcome = await this.processWithRetry(consumer, payload);
    this.metrics.consumed.inc({ consumer: consumer.name, topic: payload.topic, outcome });
  }

  private async processWithRetry(consumer: EventConsumer, payload: EachMessagePayload): Promise<Outcome> {
    const { topic, partition, message } = payload;
    const source = { topic: unprefixedTopic(this.config.KAFKA_TOPIC_PREFIX, topic) };
    const decoded = decodeEvent(message.value, consumer);
    if (decoded.kind === 'skip') return 'skipped';
    if (decoded.kind === 'poison') return this.deadLetter(consumer, payload, decoded.reason, decoded.code);

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.run(async () => {
          if (!(await this.processed.record(consumer.name, decoded.event.id, topic))) return 'duplicate';
          await consumer.handle(decoded.event, source);
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

  /** The dead letter and the consumer's rejection notices, in one send (retried with the message if it fails). */
  private async deadLetter(
    consumer: EventConsumer,
    payload: EachMessagePayload,
    reason: string,
    reasonCode: Refusal['reasonCode'],
  ): Promise<Outcome> {
    const { topic, partition, message } = payload;
    const prefix = this.config.KAFKA_TOPIC_PREFIX;
    const source = unprefixedTopic(prefix, topic);
    this.logger.warn(`${consumer.name}: dead-lettering ${topic}[${partition}]@${message.offset}: ${reason}`);
    const notices: ProducedMessage[] = (
      consumer.rejectionNotices?.({ topic: source, envelope: envelopeOf(message.value), reason, reasonCode }) ?? []
    ).map((notice) => ({
      topic: brokerTopic(prefix, notice.topic),
      key: notice.key,
      value: JSON.stringify(notice.event),
    }));
    await this.channels.ensureInboxes(notices.map((n) => n.topic));
    await this.producer.send([
      toDeadLetter({
        topic,
        deadLetterTopic: brokerTopic(prefix, deadLetterTopicOf(source)),
        partition,
        message,
        consumer: consumer.name,
        reason,
        reasonCode,
        failedAt: this.clock.now(),
      }),
      ...notices,
    ]);
    return 'dead_lettered';
  }
}

/** The message as far as it parses as a JSON object, for a rejection notice to cite. */
function envelopeOf(value: Buffer | null): Refusal['envelope'] {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function summary(topics: readonly string[]): string {
  return topics.length > 4 ? `${topics.slice(0, 4).join(', ')}, …` : topics.join(', ');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
