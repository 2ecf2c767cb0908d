import { DomainError } from '@hotline/core';
import { assertOpen, nextStatus } from './case-lifecycle';
import { reasonOf } from '@hotline/core/testing';

describe('case lifecycle', () => {
  it('routes a demand: answered, transferred, dispatched, returned', () => {
    expect(nextStatus('registered', 'answer')).toBe('answered');
    expect(nextStatus('registered', 'transfer')).toBe('transferred');
    expect(nextStatus('registered', 'dispatch')).toBe('dispatched');
    expect(nextStatus('reopened', 'dispatch')).toBe('dispatched');
    expect(nextStatus('dispatched', 'request_return')).toBe('return_requested');
    expect(nextStatus('signed', 'request_return')).toBe('return_requested');
    expect(nextStatus('return_requested', 'approve_return')).toBe('registered');
    expect(nextStatus('return_requested', 'reject_return', 'signed')).toBe('signed');
  });

  it('handles and calls back: signed, resolved, then closed or reopened', () => {
    expect(nextStatus('dispatched', 'sign')).toBe('signed');
    expect(nextStatus('signed', 'resolve')).toBe('resolved');
    expect(nextStatus('resolved', 'close')).toBe('closed');
    expect(nextStatus('resolved', 'reopen')).toBe('reopened');
    expect(() => nextStatus('dispatched', 'resolve')).toThrow(/allowed from: signed/);
    expect(() => nextStatus('signed', 'sign')).toThrow(DomainError);
  });

  it('holds a result for the centre’s review where the policy asks: approved it resolves, rejected it goes back', () => {
    expect(nextStatus('signed', 'submit_result')).toBe('reviewing');
    expect(nextStatus('reviewing', 'approve_result')).toBe('resolved');
    expect(nextStatus('reviewing', 'reject_result')).toBe('signed');
    expect(reasonOf(() => nextStatus('reviewing', 'resolve'))).toBe('result.under_review');
    expect(reasonOf(() => nextStatus('reviewing', 'submit_result'))).toBe('result.under_review');
    expect(reasonOf(() => nextStatus('reviewing', 'request_return'))).toBe('result.under_review');
    expect(reasonOf(() => nextStatus('resolved', 'approve_result'))).toBe('case.already_resolved');
    expect(reasonOf(() => nextStatus('signed', 'reject_result'))).toBe('case.wrong_state');
  });

  it('keeps finished cases read-only', () => {
    for (const status of ['closed', 'answered', 'transferred'] as const) {
      expect(() => assertOpen(status)).toThrow(/can no longer change/);
      expect(reasonOf(() => nextStatus(status, 'dispatch'))).toBe('case.finished');
    }
    expect(() => assertOpen('resolved')).not.toThrow();
  });

  it('says precisely why a retried or raced action is refused', () => {
    expect(reasonOf(() => nextStatus('signed', 'sign'))).toBe('case.already_signed');
    expect(reasonOf(() => nextStatus('resolved', 'sign'))).toBe('case.already_resolved');
    expect(reasonOf(() => nextStatus('dispatched', 'resolve'))).toBe('case.not_signed');
    expect(reasonOf(() => nextStatus('resolved', 'resolve'))).toBe('case.already_resolved');
    expect(reasonOf(() => nextStatus('dispatched', 'dispatch'))).toBe('case.already_dispatched');
    expect(reasonOf(() => nextStatus('return_requested', 'request_return'))).toBe('return.pending');
    expect(reasonOf(() => nextStatus('registered', 'sign'))).toBe('case.wrong_state');
  });

  it.each([
    ['dispatched', 'answer'],
    ['answered', 'dispatch'],
    ['transferred', 'dispatch'],
    ['closed', 'dispatch'],
    ['registered', 'request_return'],
    ['dispatched', 'approve_return'],
    ['dispatched', 'reject_return'],
  ] as const)('refuses %s → %s with a 409-coded error', (status, action) => {
    expect(() => nextStatus(status, action)).toThrow(DomainError);
    try {
      nextStatus(status, action);
    } catch (error) {
      expect((error as DomainError).code).toBe('STATE_CONFLICT');
    }
  });
});
