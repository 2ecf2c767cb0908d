import { brokerTopic } from '@hotline/messaging';
import { TEST_TOPIC_PREFIX } from './test-topic-prefix';

/** A topic's name on the broker in tests, for producing straight to it. */
export function testTopic(topic: string): string {
  return brokerTopic(TEST_TOPIC_PREFIX, topic);
}
