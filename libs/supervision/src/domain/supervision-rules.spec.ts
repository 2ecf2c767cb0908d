import { assertCanClose, assertCanReply, replyDueAt } from './supervision-rules';
import { reasonOf } from '@hotline/core/testing';

describe('supervision rules', () => {
  const open = { unitCode: '110105001', status: 'open' as const };

  it('gives each level its time to answer: 24 h, 12 h, 4 h', () => {
    const from = new Date('2026-11-30T08:00:00Z');
    expect(replyDueAt('urge', from).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(replyDueAt('supervise', from).toISOString()).toBe('2026-11-30T20:00:00.000Z');
    expect(replyDueAt('listed', from).toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('lets the addressed unit, or a supervisor, answer an open order', () => {
    expect(reasonOf(() => assertCanReply(open, { role: 'handler', unitCode: '110105001' }))).toBe('allowed');
    expect(reasonOf(() => assertCanReply(open, { role: 'supervisor', unitCode: null }))).toBe('allowed');
    expect(reasonOf(() => assertCanReply(open, { role: 'handler', unitCode: '110108001' }))).toBe(
      'supervision.other_unit',
    );
    expect(reasonOf(() => assertCanReply({ ...open, status: 'replied' }, { role: 'supervisor', unitCode: null }))).toBe(
      'supervision.not_open',
    );
  });

  it('closes an order once', () => {
    expect(reasonOf(() => assertCanClose({ status: 'replied' }))).toBe('allowed');
    expect(reasonOf(() => assertCanClose({ status: 'open' }))).toBe('allowed');
    expect(reasonOf(() => assertCanClose({ status: 'closed' }))).toBe('supervision.already_closed');
  });
});
