import { applyNotice, dueOf, type InboxNotice, type InboxWorkState, parseDueFilter, stageAfter } from './inbox-work';

const deadlines = {
  sign: '2026-12-01T02:00:00.000Z',
  response: '2026-12-01T04:00:00.000Z',
  resolve: '2026-12-05T10:00:00.000Z',
};

const item: InboxWorkState = {
  role: 'lead',
  categoryCode: '010101',
  urgency: 'general',
  address: '建外街道1号',
  stage: 'to_sign',
  deadlines,
  dueAt: new Date(deadlines.sign),
  alert: null,
  supervisionLevel: null,
  assigneeUserId: null,
  lastNotice: null,
  lastNoticeAt: null,
};

const notice = (kind: InboxNotice['kind'], detail: Record<string, unknown> = {}, more: Partial<InboxNotice> = {}) => ({
  kind,
  role: 'lead' as const,
  deadlines,
  detail,
  occurredAt: '2026-12-01T01:00:00.000Z',
  ...more,
});

describe('inbox work', () => {
  it('moves the lead from signing to responding to handling, and a co-handler to reported', () => {
    expect(stageAfter('signed', 'lead', 'to_sign')).toBe('to_respond');
    expect(stageAfter('responded', 'lead', 'to_respond')).toBe('handling');
    expect(stageAfter('signed', 'co', 'to_sign')).toBe('handling');
    expect(stageAfter('reported', 'co', 'handling')).toBe('reported');
    expect(stageAfter('sla_warning', 'lead', 'to_respond')).toBe('to_respond');
  });

  it('works to the deadline of its stage', () => {
    expect(dueOf('to_respond', deadlines)?.toISOString()).toBe(deadlines.response);
    expect(dueOf('reported', deadlines)).toBeNull();
    expect(dueOf('to_acknowledge', { acknowledge: deadlines.sign })?.toISOString()).toBe(deadlines.sign);
  });

  it('takes an extended deadline and clears the alert of the old one', () => {
    const breached = applyNotice(
      { ...item, stage: 'handling', dueAt: new Date(deadlines.resolve) },
      notice('sla_breached', { kind: 'resolve' }),
    );
    expect(breached.alert).toBe('breach');
    const later = { ...deadlines, resolve: '2026-12-08T10:00:00.000Z' };
    const extended = applyNotice(breached, notice('deadline_changed', {}, { deadlines: later }));
    expect(extended.dueAt?.toISOString()).toBe(later.resolve);
    expect(extended.alert).toBeNull();
    expect(extended.lastNotice).toBe('deadline_changed');
  });

  it('alerts only for the deadline the item works to, and a warning never hides a breach', () => {
    expect(applyNotice(item, notice('sla_warning', { kind: 'resolve' })).alert).toBeNull();
    const breached = applyNotice(item, notice('sla_breached', { kind: 'sign' }));
    expect(applyNotice(breached, notice('sla_warning', { kind: 'sign' })).alert).toBe('breach');
    expect(applyNotice(breached, notice('signed')).alert).toBeNull();
  });

  it('follows supervision orders and the assignee', () => {
    const issued = applyNotice(item, notice('supervision_issued', { level: 'urge' }));
    expect(issued.supervisionLevel).toBe('urge');
    expect(applyNotice(issued, notice('supervision_escalated', { to: 'supervise' })).supervisionLevel).toBe(
      'supervise',
    );
    expect(applyNotice(issued, notice('supervision_closed')).supervisionLevel).toBeNull();
    expect(applyNotice(item, notice('assigned', { userId: 'u-1' })).assigneeUserId).toBe('u-1');
  });

  it('shows the highest supervision level still standing, as the notice carries it', () => {
    const escalated = applyNotice(
      item,
      notice('supervision_escalated', { to: 'supervise', standingLevel: 'supervise' }),
    );
    // A new order for a second breach is milder, but the escalated one still stands.
    const second = applyNotice(escalated, notice('supervision_issued', { level: 'urge', standingLevel: 'supervise' }));
    expect(second.supervisionLevel).toBe('supervise');
    expect(applyNotice(second, notice('supervision_closed', { standingLevel: 'urge' })).supervisionLevel).toBe('urge');
    expect(applyNotice(second, notice('supervision_closed', { standingLevel: null })).supervisionLevel).toBeNull();
  });

  it('takes a correction’s category, urgency and address', () => {
    const after = applyNotice(
      item,
      notice('corrected', { after: { urgency: 'emergency', address: '建外街道2号', responseDueAt: deadlines.sign } }),
    );
    expect(after).toMatchObject({ urgency: 'emergency', address: '建外街道2号', categoryCode: '010101' });
  });

  it('keeps its deadlines when the unit no longer holds the order', () => {
    const after = applyNotice(item, notice('return_reviewed', {}, { role: null, deadlines: { sign: null } }));
    expect(after.deadlines).toEqual(deadlines);
  });

  it('reads the due filter', () => {
    expect(parseDueFilter('overdue')).toEqual({ overdue: true });
    expect(parseDueFilter('within:4h')).toEqual({ withinHours: 4 });
    expect(parseDueFilter('within:0h')).toBeNull();
    expect(parseDueFilter('within:721h')).toBeNull();
    expect(parseDueFilter('soon')).toBeNull();
  });
});
