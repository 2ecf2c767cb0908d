import type { KafkaMessage } from 'kafkajs';
import type { ProducedMessage } from '../kafka/kafka-producer.service';

/** Headers every dead letter carries, so an operator can see what failed, where, and why. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dlq-reason',
  /** Machine-readable: an error reason (docs/errors.md), `message.malformed`, or `internal.error`. */
  reasonCode: 'dlq-reason-code',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
} as const;

export interface DeadLetterSource {
  topic: string;
  /** Where it goes: the topic's `<topic>.dlq` twin (units' replies share one, see topics.ts). */
  deadLetterTopic: string;
  partition: number;
  message: KafkaMessage;
  consumer: string;
  reason: string;
  reasonCode: string;
  failedAt: Date;
}

/** The original bytes and key, unchanged, to the dead-letter topic, with the reason in the headers. */
export function toDeadLetter({
  topic,
  deadLetterTopic,
  partition,
  message,
  consumer,
  reason,
  reasonCode,
  failedAt,
}: DeadLetterSource): ProducedMessage {
  return {
    topic: deadLetterTopic,
    key: message.key?.toString('utf8') ?? '',
    value: message.value?.toString('utf8') ?? '',
    headers: {
      ...message.headers,
      [DEAD_LETTER_HEADERS.reason]: reason.slice(0, 2000),
      [DEAD_LETTER_HEADERS.reasonCode]: reasonCode,
      [DEAD_LETTER_HEADERS.sourceTopic]: topic,
      [DEAD_LETTER_HEADERS.sourcePartition]: String(partition),
      [DEAD_LETTER_HEADERS.sourceOffset]: message.offset,
      [DEAD_LETTER_HEADERS.consumer]: consumer,
      [DEAD_LETTER_HEADERS.failedAt]: failedAt.toISOString(),
    },
  };
}
