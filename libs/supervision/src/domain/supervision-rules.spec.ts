import { addresseeOf, assertCanClose, assertCanReply, replyDueAt } from './supervision-rules';
import { reasonOf } from '@hotline/core/testing';

describe('supervision rules', () => {
  const open = { unitCode: '110105001', status: 'open' as const };

  it('addresses an order to the co-handler whose report clock was missed, else to the lead', () => {
    const c = { leadUnitCode: '110105001', coUnitCodes: ['DEPT-WATER'] };
    expect(addresseeOf('DEPT-WATER', c)).toBe('DEPT-WATER');
    expect(addresseeOf('110105001', c)).toBe('110105001');
    expect(addresseeOf('DEPT-GONE', c)).toBe('110105001'); // no longer on the case
    expect(addresseeOf(undefined, c)).toBe('110105001'); // a callback or a repeat call
  });

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
