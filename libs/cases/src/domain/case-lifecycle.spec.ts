import { DomainError } from '@hotline/core';
import { assertOpen, nextStatus, statusAfterRejectedReturn } from './case-lifecycle';

describe('case lifecycle', () => {
  it('follows SPEC §4 for intake and routing', () => {
    expect(nextStatus('registered', 'answer')).toBe('answered');
    expect(nextStatus('registered', 'transfer')).toBe('transferred');
    expect(nextStatus('registered', 'dispatch')).toBe('dispatched');
    expect(nextStatus('reopened', 'dispatch')).toBe('dispatched');
    expect(nextStatus('dispatched', 'request_return')).toBe('return_requested');
    expect(nextStatus('signed', 'request_return')).toBe('return_requested');
    expect(nextStatus('return_requested', 'approve_return')).toBe('registered');
    expect(statusAfterRejectedReturn('return_requested', 'signed')).toBe('signed');
  });

  it('follows SPEC §4 for handling and callback', () => {
    expect(nextStatus('dispatched', 'sign')).toBe('signed');
    expect(nextStatus('signed', 'resolve')).toBe('resolved');
    expect(nextStatus('resolved', 'close')).toBe('closed');
    expect(nextStatus('resolved', 'reopen')).toBe('reopened');
    expect(() => nextStatus('dispatched', 'resolve')).toThrow(/allowed from: signed/);
    expect(() => nextStatus('signed', 'sign')).toThrow(DomainError);
  });

  it('keeps finished cases read-only', () => {
    for (const status of ['closed', 'answered', 'transferred'] as const)
      expect(() => assertOpen(status)).toThrow(/can no longer change/);
    expect(() => assertOpen('resolved')).not.toThrow();
  });

  it.each([
    ['dispatched', 'answer'],
    ['answered', 'dispatch'],
    ['transferred', 'dispatch'],
    ['closed', 'dispatch'],
    ['registered', 'request_return'],
    ['dispatched', 'approve_return'],
  ] as const)('refuses %s → %s with a 409-coded error', (status, action) => {
    expect(() => nextStatus(status, action)).toThrow(DomainError);
    try {
      nextStatus(status, action);
    } catch (error) {
      expect((error as DomainError).code).toBe('STATE_CONFLICT');
    }
  });

  it('refuses to review a return that is not pending', () => {
    expect(() => statusAfterRejectedReturn('dispatched', 'signed')).toThrow(/Cannot review a return/);
  });
});
