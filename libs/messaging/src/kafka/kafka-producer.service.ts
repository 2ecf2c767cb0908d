import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, Producer, IHeaders } from 'kafkajs';

export interface ProducedMessage {
  topic: string;
  key: string;
  value: string;
  headers?: IHeaders;
}

/**
 * The application's only producer: idempotent, acks=all, one request in flight, so a retried
 * send neither duplicates nor reorders messages of a partition.
 */
@Injectable()
export class KafkaProducerService implements OnModuleDestroy {
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;
  private closed = false;

  constructor(private readonly kafka: Kafka) {}

  /** Sends in order; resolves once every message is acknowledged by all in-sync replicas. */
  async send(messages: readonly ProducedMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connected();
    const byTopic = new Map<string, ProducedMessage[]>();
    for (const message of messages) {
      byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    }
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    // A connect still in flight would leave a live producer (and its sockets) behind: wait for it.
    const producer = this.producer ?? (await this.connecting?.catch(() => undefined));
    this.producer = undefined;
    this.connecting = undefined;
    await producer?.disconnect();
  }

  private connected(): Promise<Producer> {
    if (this.closed) return Promise.reject(new Error('the Kafka producer is shut down'));
    if (this.producer) return Promise.resolve(this.producer);
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded, so a broker outage fails the relay's transaction instead of holding it open;
        // the relay then retries the same rows (the consumers' inbox absorbs any duplicate).
        retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
      });
      try {
        await producer.connect();
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.producer = producer;
      return producer;
    })();
    return this.connecting;
  }
}
