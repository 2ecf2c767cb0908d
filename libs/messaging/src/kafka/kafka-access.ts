import {
  brokerTopic,
  deadLetterTopic,
  TOPICS,
  UNIT_CODE_IN_TOPIC,
  UNIT_INBOX_PREFIX,
  UNIT_REPLIES_PREFIX,
  unitInboxTopic,
  unitRepliesTopic,
} from '../topics';

/**
 * Who may do what on the broker (docs/events.md, "Who may speak"), as data: the grants each
 * principal gets, turned into Kafka ACLs by `npm run kafka:access` and checked by a spec. Nothing
 * else is allowed (the broker runs with `allow.everyone.if.no.acl.found=false`).
 */
export type KafkaPrincipal =
  | { kind: 'centre' }
  | { kind: 'telephony' }
  | { kind: 'gateway' }
  | { kind: 'messenger' }
  | { kind: 'unit'; unitCode: string };

/**
 * The platform's own principals, set up by `npm run kafka:access -- platform` (and by
 * scripts/kafka/kafka.sh, whose PLATFORM_USERS holds the same names besides `admin`); units are
 * connected one by one with `npm run kafka:unit`.
 */
export const PLATFORM_PRINCIPALS: readonly KafkaPrincipal[] = [
  { kind: 'centre' },
  { kind: 'telephony' },
  { kind: 'gateway' },
  { kind: 'messenger' },
];

export type KafkaOperation = 'read' | 'write' | 'describe' | 'create';

export interface KafkaGrant {
  resource: 'topic' | 'group';
  /** `*` with `literal`: every resource of the kind. */
  name: string;
  pattern: 'literal' | 'prefixed';
  operations: readonly KafkaOperation[];
}

/** The principal's user name: its SASL/SCRAM user and its certificate's CN. */
export function principalName(principal: KafkaPrincipal): string {
  if (principal.kind !== 'unit') return principal.kind;
  if (!UNIT_CODE_IN_TOPIC.test(principal.unitCode))
    throw new Error(`unit code ${principal.unitCode} is not valid here`);
  return `unit.${principal.unitCode}`;
}

/** Consumer groups a unit's system may use: `unit.<code>.<anything>`. */
export function unitGroupPrefix(unitCode: string): string {
  return `${principalName({ kind: 'unit', unitCode })}.`;
}

/** The grants of `principal` for one environment's topics (`topicPrefix`, KAFKA_TOPIC_PREFIX). */
export function grantsFor(principal: KafkaPrincipal, topicPrefix: string): KafkaGrant[] {
  const topic = (name: string, ...operations: KafkaOperation[]): KafkaGrant => ({
    resource: 'topic',
    name: brokerTopic(topicPrefix, name),
    pattern: 'literal',
    operations,
  });
  const topicsStartingWith = (prefix: string, ...operations: KafkaOperation[]): KafkaGrant => ({
    ...topic(prefix, ...operations),
    pattern: 'prefixed',
  });
  switch (principal.kind) {
    case 'centre':
      return [
        topic(TOPICS.cases, 'write', 'read', 'describe', 'create'),
        topic(TOPICS.dispatch, 'write', 'read', 'describe', 'create'),
        topic(TOPICS.calls, 'read', 'describe', 'create'),
        topic(TOPICS.notifications, 'write', 'read', 'describe', 'create'),
        topic(TOPICS.notificationReceipts, 'read', 'describe', 'create'),
        // The gateway's shared replies topic and every unit's replies topic.
        topicsStartingWith(UNIT_REPLIES_PREFIX, 'read', 'describe', 'create'),
        topicsStartingWith(UNIT_INBOX_PREFIX, 'write', 'describe', 'create'),
        ...Object.values(TOPICS).map((t) => topic(deadLetterTopic(t), 'write', 'read', 'describe', 'create')),
        { resource: 'group', name: '*', pattern: 'literal', operations: ['read', 'describe'] },
      ];
    case 'telephony':
      return [topic(TOPICS.calls, 'write', 'describe')];
    case 'gateway':
      return [
        topic(TOPICS.unitReplies, 'write', 'describe'),
        topicsStartingWith(UNIT_INBOX_PREFIX, 'read', 'describe'),
        { resource: 'group', name: 'gateway.', pattern: 'prefixed', operations: ['read', 'describe'] },
      ];
    case 'messenger':
      // The SMS/WeChat gateway: the one principal besides the centre that sees citizens' numbers.
      return [
        topic(TOPICS.notifications, 'read', 'describe'),
        topic(TOPICS.notificationReceipts, 'write', 'describe'),
        { resource: 'group', name: 'messenger.', pattern: 'prefixed', operations: ['read', 'describe'] },
      ];
    case 'unit':
      return [
        topic(unitInboxTopic(principal.unitCode), 'read', 'describe'),
        topic(unitRepliesTopic(principal.unitCode), 'write', 'describe'),
        {
          resource: 'group',
          name: unitGroupPrefix(principal.unitCode),
          pattern: 'prefixed',
          operations: ['read', 'describe'],
        },
      ];
  }
}

/** What the broker decides for these grants (Kafka's ACL matching: literal, `*`, or prefix). */
export function isAllowed(
  grants: readonly KafkaGrant[],
  resource: KafkaGrant['resource'],
  name: string,
  operation: KafkaOperation,
): boolean {
  return grants.some(
    (g) =>
      g.resource === resource &&
      g.operations.includes(operation) &&
      (g.pattern === 'prefixed' ? name.startsWith(g.name) : g.name === '*' || g.name === name),
  );
}
