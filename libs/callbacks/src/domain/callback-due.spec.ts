import { DomainError } from '@hotline/core';
import { assertCallbackDue, assertReasonable, checkCallbackInput, isCallbackDue } from './callback-due';

const overdue = new Date('2026-11-30T12:00:00Z');

describe('callback due', () => {
  it('is due on a resolved case, with or without a running clock', () => {
    expect(isCallbackDue('resolved', overdue)).toBe(true);
    expect(isCallbackDue('resolved', null)).toBe(true);
  });

  it('is due on an unresolved case once its resolve deadline passed (the clock runs)', () => {
    expect(isCallbackDue('signed', overdue)).toBe(true);
    expect(isCallbackDue('dispatched', overdue)).toBe(true);
    expect(isCallbackDue('signed', null)).toBe(false);
  });

  it('is not due on a reopened case, which waits for re-dispatch', () => {
    expect(isCallbackDue('reopened', overdue)).toBe(false);
    expect(() => assertCallbackDue('reopened', overdue)).toThrow(
      expect.objectContaining({ reason: 'callback.not_due' }),
    );
    expect(() => assertCallbackDue('resolved', null)).not.toThrow();
  });

  it('needs solved and satisfaction from a citizen who was reached, and nothing from one who was not', () => {
    expect(checkCallbackInput({ reached: false })).toEqual([]);
    expect(checkCallbackInput({ reached: true, solved: true, satisfaction: 'satisfied' })).toEqual([]);
    expect(checkCallbackInput({ reached: true }).map((p) => p.field)).toEqual(['solved', 'satisfaction']);
    expect(checkCallbackInput({ reached: true, solved: false }).map((p) => p.field)).toEqual(['satisfaction']);
  });

  it('marks a demand unreasonable only once', () => {
    expect(() => assertReasonable(true)).not.toThrow();
    expect(() => assertReasonable(false)).toThrow(DomainError);
    expect(() => assertReasonable(false)).toThrow(expect.objectContaining({ reason: 'case.already_unreasonable' }));
  });
});
