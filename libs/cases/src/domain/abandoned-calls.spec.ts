import { addMs, instant, MINUTE_MS } from '@hotline/clock/domain';
import { reasonOf } from '@hotline/core/testing';
import { assertCanCallBack, callBackDue, type CallBackState } from './abandoned-calls';

describe('calling back abandoned calls', () => {
  const now = instant('2026-12-03T10:00:00+08:00');
  const open: CallBackState = {
    status: 'abandoned',
    callBackDueAt: addMs(now, 30 * MINUTE_MS),
    callBackClaimedBy: null,
    callBackClaimedAt: null,
    calledBackAt: null,
  };

  it('is due the configured minutes after the caller hung up', () => {
    expect(callBackDue(now, 30)).toEqual(addMs(now, 30 * MINUTE_MS));
  });

  it('lets one agent hold a call back for 10 minutes, renewable, then frees it', () => {
    const held = { ...open, callBackClaimedBy: 'a1', callBackClaimedAt: now };
    expect(reasonOf(() => assertCanCallBack(open, 'a1', now))).toBe('allowed');
    expect(reasonOf(() => assertCanCallBack(held, 'a1', addMs(now, 5 * MINUTE_MS)))).toBe('allowed');
    expect(reasonOf(() => assertCanCallBack(held, 'a2', addMs(now, 9 * MINUTE_MS)))).toBe('call.claimed_by_other');
    expect(reasonOf(() => assertCanCallBack(held, 'a2', addMs(now, 10 * MINUTE_MS)))).toBe('allowed');
  });

  it('is only for an abandoned call, once', () => {
    expect(reasonOf(() => assertCanCallBack({ ...open, status: 'answered', callBackDueAt: null }, 'a1', now))).toBe(
      'call.not_abandoned',
    );
    expect(reasonOf(() => assertCanCallBack({ ...open, calledBackAt: now }, 'a1', now))).toBe(
      'call.already_called_back',
    );
  });
});
