import { KafkaJSError } from 'kafkajs';

/** True for errors kafkajs itself marks retriable (broker away, leader moving, timeouts). */
export function isKafkaUnavailable(error: unknown): boolean {
  return error instanceof KafkaJSError && error.retriable;
}
