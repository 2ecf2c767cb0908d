/** The Kafka topics of docs/events.md. Every topic has a dead-letter twin `<topic>.dlq`. */
export const TOPICS = {
  /** in: telephony call events, key = call id */
  calls: 'hotline.calls.v1',
  /** out: every case event, key = case id */
  cases: 'hotline.cases.v1',
  /** out: dispatch orders and cancellations, key = unit code */
  dispatch: 'hotline.dispatch.v1',
  /** in: sign / respond / return / extend / resolve from units' own systems, key = case id */
  unitReplies: 'hotline.unit-replies.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export function deadLetterTopic(topic: Topic): string {
  return `${topic}.dlq`;
}

/**
 * The topic's name on the broker. Environments that share one broker (dev, tests, benchmarks)
 * give their topics different prefixes, so no environment's consumers read another's events.
 * Outbox rows, handlers and the AsyncAPI document use the unprefixed names of docs/events.md.
 */
export function brokerTopic(prefix: string, topic: string): string {
  return `${prefix}${topic}`;
}

/** Every topic the application owns, dead-letter twins included, as named on the broker. */
export function allTopicNames(prefix = ''): string[] {
  return Object.values(TOPICS).flatMap((topic) => [topic, deadLetterTopic(topic)].map((t) => brokerTopic(prefix, t)));
}
