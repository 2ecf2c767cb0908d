import { Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Counter, Gauge, Registry } from 'prom-client';
import { AppConfig } from '@hotline/config';
import { OutboxRepository } from './outbox/outbox.repository';
import { fetchConsumerLag, GroupLag } from './kafka/consumer-lag';

const LAG_CACHE_MS = 5000;

/** Messaging figures for /metrics: outbox backlog and age, consumer outcomes and lag. */
@Injectable()
export class MessagingMetricsService {
  readonly consumed: Counter<'consumer' | 'topic' | 'outcome'>;
  readonly published: Counter<'topic'>;
  private lagCache: { at: number; value: Promise<GroupLag[]> } | undefined;

  constructor(registry: Registry, outbox: OutboxRepository, kafka: Kafka, config: AppConfig) {
    this.consumed = new Counter({
      name: 'hotline_events_consumed_total',
      help: 'Kafka messages handled by the consumers, by outcome (applied, duplicate, skipped, dead_lettered)',
      labelNames: ['consumer', 'topic', 'outcome'],
      registers: [registry],
    });
    this.published = new Counter({
      name: 'hotline_outbox_published_total',
      help: 'Outbox events published to Kafka by the relay',
      labelNames: ['topic'],
      registers: [registry],
    });
    const backlog = () => outbox.backlog().catch(() => undefined);
    new Gauge({
      name: 'hotline_outbox_backlog_messages',
      help: 'Outbox events not yet published',
      registers: [registry],
      async collect() {
        const value = await backlog();
        if (value) this.set(value.pending);
      },
    });
    new Gauge({
      name: 'hotline_outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when drained)',
      registers: [registry],
      async collect() {
        const value = await backlog();
        if (value) this.set(value.pending === 0 ? 0 : value.oldestAgeSeconds);
      },
    });
    const lag = () => this.consumerLag(kafka, config);
    new Gauge({
      name: 'hotline_kafka_consumer_lag_messages',
      help: 'Messages not yet consumed, per consumer group and topic',
      labelNames: ['group', 'topic'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { group, topic, lag: value } of await lag()) this.set({ group, topic }, value);
      },
    });
  }

  private consumerLag(kafka: Kafka, config: AppConfig): Promise<GroupLag[]> {
    // Freshness is elapsed process time (monotonic), not business time: the Clock may be moved.
    const now = performance.now();
    if (!this.lagCache || now - this.lagCache.at > LAG_CACHE_MS) {
      const lag = fetchConsumerLag(kafka, config.KAFKA_GROUP_PREFIX, config.KAFKA_NEW_GROUP_START);
      this.lagCache = { at: now, value: lag.catch(() => []) };
    }
    return this.lagCache.value;
  }
}
