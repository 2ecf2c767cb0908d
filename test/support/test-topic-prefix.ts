/** The test suite's topics are `test.<topic>` on the shared broker (KAFKA_TOPIC_PREFIX). */
export const TEST_TOPIC_PREFIX = 'test.';
