import { deadLetterTopic, TOPICS, unitInboxTopic, unitRepliesTopic } from '../topics';
import { grantsFor, isAllowed, KafkaPrincipal, PLATFORM_PRINCIPALS, principalName } from './kafka-access';

const may = (principal: KafkaPrincipal, operation: 'read' | 'write', topic: string, prefix = '') =>
  isAllowed(grantsFor(principal, prefix), 'topic', `${prefix}${topic}`, operation);

describe('who may speak on Kafka', () => {
  const centre = { kind: 'centre' } as const;
  const telephony = { kind: 'telephony' } as const;
  const gateway = { kind: 'gateway' } as const;
  const messenger = { kind: 'messenger' } as const;
  const unitA = { kind: 'unit', unitCode: '110105001' } as const;
  const unitB = { kind: 'unit', unitCode: '110105002' } as const;

  it('lets the centre alone write case events and dispatch orders', () => {
    for (const topic of [TOPICS.cases, TOPICS.dispatch]) {
      expect(may(centre, 'write', topic)).toBe(true);
      for (const other of [telephony, gateway, messenger, unitA]) expect(may(other, 'write', topic)).toBe(false);
    }
  });

  it('lets telephony alone write call events; the centre only reads them', () => {
    expect(may(telephony, 'write', TOPICS.calls)).toBe(true);
    expect(may(centre, 'write', TOPICS.calls)).toBe(false);
    expect(may(centre, 'read', TOPICS.calls)).toBe(true);
    expect(may(unitA, 'write', TOPICS.calls)).toBe(false);
  });

  it('lets a unit read only its own inbox and write only its own replies', () => {
    expect(may(unitA, 'read', unitInboxTopic('110105001'))).toBe(true);
    expect(may(unitA, 'write', unitRepliesTopic('110105001'))).toBe(true);
    expect(may(unitA, 'read', unitInboxTopic('110105002'))).toBe(false);
    expect(may(unitA, 'write', unitRepliesTopic('110105002'))).toBe(false);
    expect(may(unitA, 'write', TOPICS.unitReplies)).toBe(false);
    for (const shared of Object.values(TOPICS)) expect(may(unitA, 'read', shared)).toBe(false);
    expect(may(unitB, 'read', unitInboxTopic('110105001'))).toBe(false);
  });

  it('does not let a unit whose code starts another unit’s code read that unit’s inbox', () => {
    const short = { kind: 'unit', unitCode: '1101' } as const;
    expect(may(short, 'read', unitInboxTopic('110105001'))).toBe(false);
  });

  it('lets the centre read every unit’s replies and write every unit’s inbox, never forge a reply', () => {
    expect(may(centre, 'read', unitRepliesTopic('110105001'))).toBe(true);
    expect(may(centre, 'read', TOPICS.unitReplies)).toBe(true);
    expect(may(centre, 'write', unitInboxTopic('110105001'))).toBe(true);
    expect(may(centre, 'write', unitRepliesTopic('110105001'))).toBe(false);
    expect(may(centre, 'write', TOPICS.unitReplies)).toBe(false);
    expect(may(centre, 'read', unitInboxTopic('110105001'))).toBe(false);
  });

  it('lets the gateway write the shared replies topic and read units’ inboxes', () => {
    expect(may(gateway, 'write', TOPICS.unitReplies)).toBe(true);
    expect(may(gateway, 'read', unitInboxTopic('110105001'))).toBe(true);
    expect(may(gateway, 'write', unitRepliesTopic('110105001'))).toBe(false);
  });

  it('lets only the messenger (and the centre) read notifications, with the citizen’s number; the messenger alone writes receipts', () => {
    expect(may(messenger, 'read', TOPICS.notifications)).toBe(true);
    expect(may(messenger, 'write', TOPICS.notificationReceipts)).toBe(true);
    expect(may(centre, 'write', TOPICS.notifications)).toBe(true);
    expect(may(centre, 'read', TOPICS.notificationReceipts)).toBe(true);
    for (const other of [telephony, gateway, unitA, unitB]) {
      expect(may(other, 'read', TOPICS.notifications)).toBe(false);
      expect(may(other, 'write', TOPICS.notifications)).toBe(false);
      expect(may(other, 'write', TOPICS.notificationReceipts)).toBe(false);
      expect(may(other, 'read', deadLetterTopic(TOPICS.notifications))).toBe(false);
    }
    expect(may(centre, 'write', TOPICS.notificationReceipts)).toBe(false);
  });

  it('keeps the messenger off every other topic: no cases, no orders, no inbox, no writing notifications', () => {
    expect(may(messenger, 'write', TOPICS.notifications)).toBe(false);
    expect(may(messenger, 'read', TOPICS.notificationReceipts)).toBe(false);
    for (const topic of [TOPICS.cases, TOPICS.dispatch, TOPICS.calls, TOPICS.unitReplies]) {
      expect(may(messenger, 'read', topic)).toBe(false);
      expect(may(messenger, 'write', topic)).toBe(false);
    }
    for (const topic of Object.values(TOPICS)) {
      expect(may(messenger, 'read', deadLetterTopic(topic))).toBe(false);
      expect(may(messenger, 'write', deadLetterTopic(topic))).toBe(false);
    }
    expect(may(messenger, 'read', unitInboxTopic('110105001'))).toBe(false);
    expect(may(messenger, 'write', unitRepliesTopic('110105001'))).toBe(false);
    const grants = grantsFor(messenger, '');
    expect(isAllowed(grants, 'group', 'messenger.sms', 'read')).toBe(true);
    expect(isAllowed(grants, 'group', 'hotline.citizen-notifier', 'read')).toBe(false);
    expect(isAllowed(grants, 'group', 'gateway.sms', 'read')).toBe(false);
  });

  it('lets the centre write every dead-letter twin', () => {
    for (const topic of Object.values(TOPICS)) expect(may(centre, 'write', deadLetterTopic(topic))).toBe(true);
  });

  it('grants per environment: the test suite’s prefix does not open the development topics', () => {
    expect(may(unitA, 'read', unitInboxTopic('110105001'), 'test.')).toBe(true);
    expect(isAllowed(grantsFor(unitA, 'test.'), 'topic', unitInboxTopic('110105001'), 'read')).toBe(false);
  });

  it('keeps a unit to its own consumer groups', () => {
    const grants = grantsFor(unitA, '');
    expect(isAllowed(grants, 'group', 'unit.110105001.orders', 'read')).toBe(true);
    expect(isAllowed(grants, 'group', 'unit.110105002.orders', 'read')).toBe(false);
    expect(isAllowed(grants, 'group', 'hotline.auto-dispatch', 'read')).toBe(false);
  });

  it('names principals as their SCRAM users and certificate CNs, refusing codes that cannot name a topic', () => {
    expect(principalName(unitA)).toBe('unit.110105001');
    expect(principalName(centre)).toBe('centre');
    expect(principalName(messenger)).toBe('messenger');
    expect(PLATFORM_PRINCIPALS.map(principalName)).toEqual(['centre', 'telephony', 'gateway', 'messenger']);
    expect(() => principalName({ kind: 'unit', unitCode: 'a.b' })).toThrow();
  });
});
