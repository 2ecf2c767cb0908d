import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders } from 'kafkajs';
import { kafkaAs } from './kafka-principals';
import { TEST_TOPIC_PREFIX } from './test-topic-prefix';
import { testTopic } from './test-topics';

export interface ProbedMessage {
  /** The topic's name of docs/events.md, without the test suite's broker prefix. */
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  json<T = { id: string; type: string; subject?: string; data: Record<string, unknown> }>(): T;
}

/**
 * A plain kafkajs consumer, as a department's own system would run: its own group, reading the
 * topics from the end at the time it joins, signed in as `principal` (the centre by default; a
 * unit reads only its own inbox). One per test file (group joins take seconds).
 * Takes and reports the topics' names of docs/events.md; on the broker they carry the test prefix.
 */
export class KafkaProbe {
  readonly messages: ProbedMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly topics: string[],
    private readonly principal = 'centre',
  ) {}

  async start(): Promise<this> {
    // A unit may use only its own groups (`unit.<code>.…`); the centre any.
    const groupId = `${this.principal === 'centre' ? 'test' : this.principal}.probe-${randomUUID()}`;
    this.consumer = kafkaAs(this.principal).consumer({ groupId, maxWaitTimeInMs: 500 });
    const joined = new Promise<void>((resolve) => this.consumer!.on(this.consumer!.events.GROUP_JOIN, () => resolve()));
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics.map(testTopic), fromBeginning: false });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString('utf8') ?? null;
        this.messages.push({
          topic: topic.slice(TEST_TOPIC_PREFIX.length),
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value,
          headers: decodeHeaders(message.headers),
          json: () => JSON.parse(value ?? 'null'),
        });
      },
    });
    await joined;
    return this;
  }

  /** Resolves with the matching messages once `count` of them have arrived. */
  async waitFor(match: (m: ProbedMessage) => boolean, count = 1, timeoutMs = 20_000): Promise<ProbedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(match);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(`waited ${timeoutMs} ms for ${count} message(s), got ${found.length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, v === undefined ? '' : String(v)]));
}

/** Polls `check` until it returns a value that is not undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
