/** The Kafka topics of docs/events.md. Every shared topic has a dead-letter twin `<topic>.dlq`. */
export const TOPICS = {
  /** in: telephony call events, key = call id; written by the telephony integration alone */
  calls: 'hotline.calls.v1',
  /** out: every case event, key = case id; written by the centre alone, no caller identity */
  cases: 'hotline.cases.v1',
  /** out: dispatch orders and cancellations, key = unit code; the centre's record, no caller identity */
  dispatch: 'hotline.dispatch.v1',
  /** in: unit replies from a trusted gateway that speaks for many units, key = case id */
  unitReplies: 'hotline.unit-replies.v1',
  /**
   * out: notifications for the SMS/WeChat gateway to deliver, key = the case id when about a case,
   * else the notification id; written by the centre alone, read by the messenger alone: it carries
   * the citizen's phone number (and verification codes), so no other principal may read it
   */
  notifications: 'hotline.notifications.v1',
  /** in: delivery reports from the messenger, key = notification id; written by the messenger alone */
  notificationReceipts: 'hotline.notification-receipts.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * Each unit's own channel (docs/events.md, "Unit channels"): the centre writes the unit's inbox
 * (its orders, with the caller where the unit may see them, and refusals of its replies) and reads
 * the unit's replies. Kafka ACLs let the unit read only its inbox and write only its replies, so
 * the topic a reply arrives on is the sender's identity.
 */
export const UNIT_INBOX_PREFIX = 'hotline.unit-inbox.';
export const UNIT_REPLIES_PREFIX = 'hotline.unit-replies.';
const VERSION_SUFFIX = '.v1';

/** Unit codes become part of topic names: Kafka allows letters, digits, `.`, `_` and `-`; dots would blur the prefix. */
export const UNIT_CODE_IN_TOPIC = /^[A-Za-z0-9_-]{1,64}$/;

export type UnitInboxTopic = `hotline.unit-inbox.${string}.v1`;

export function unitInboxTopic(unitCode: string): UnitInboxTopic {
  return `hotline.unit-inbox.${checkedUnitCode(unitCode)}.v1`;
}

export function unitRepliesTopic(unitCode: string): string {
  return `${UNIT_REPLIES_PREFIX}${checkedUnitCode(unitCode)}${VERSION_SUFFIX}`;
}

/** The unit whose replies topic this is (unprefixed name), or null for any other topic. */
export function unitOfRepliesTopic(topic: string): string | null {
  return unitOfChannel(UNIT_REPLIES_PREFIX, topic);
}

/** The unit whose inbox topic this is (unprefixed name), or null for any other topic. */
export function unitOfInboxTopic(topic: string): string | null {
  return unitOfChannel(UNIT_INBOX_PREFIX, topic);
}

function unitOfChannel(prefix: string, topic: string): string | null {
  if (!topic.startsWith(prefix) || !topic.endsWith(VERSION_SUFFIX)) return null;
  const code = topic.slice(prefix.length, -VERSION_SUFFIX.length);
  return UNIT_CODE_IN_TOPIC.test(code) ? code : null;
}

function checkedUnitCode(unitCode: string): string {
  if (!UNIT_CODE_IN_TOPIC.test(unitCode)) throw new Error(`unit code ${JSON.stringify(unitCode)} cannot name a topic`);
  return unitCode;
}

export function deadLetterTopic(topic: Topic): string {
  return `${topic}.dlq`;
}

/**
 * Where a message that cannot be processed goes (unprefixed names): a shared topic's own twin; every
 * unit's replies share the gateway topic's twin, so operators watch one place, not one per unit.
 */
export function deadLetterTopicOf(topic: string): string {
  return unitOfRepliesTopic(topic) !== null ? deadLetterTopic(TOPICS.unitReplies) : `${topic}.dlq`;
}

/**
 * The topic's name on the broker. Environments that share one broker (dev, tests, benchmarks)
 * give their topics different prefixes, so no environment's consumers read another's events.
 * Outbox rows, handlers and the AsyncAPI document use the unprefixed names of docs/events.md.
 */
export function brokerTopic(prefix: string, topic: string): string {
  return `${prefix}${topic}`;
}

/** The unprefixed name of a topic as named on the broker. */
export function unprefixedTopic(prefix: string, topic: string): string {
  return topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
}

/** Every shared topic the application owns, dead-letter twins included, as named on the broker. */
export function allTopicNames(prefix = ''): string[] {
  return Object.values(TOPICS).flatMap((topic) => [topic, deadLetterTopic(topic)].map((t) => brokerTopic(prefix, t)));
}
