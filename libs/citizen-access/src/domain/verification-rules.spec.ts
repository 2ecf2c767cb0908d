import { decideConfirmation, formatCode, MAX_TRIES } from './verification-rules';

const now = new Date('2026-12-02T08:00:00Z');
const fresh = { expiresAt: new Date('2026-12-02T08:05:00Z'), tries: 0, confirmedAt: null };

describe('one-time code rules', () => {
  it('keeps six digits, leading zeros included', () => {
    expect(formatCode(42)).toBe('000042');
    expect(formatCode(999999)).toBe('999999');
  });

  it('confirms the right code in time, once', () => {
    expect(decideConfirmation(fresh, true, now)).toEqual({ outcome: 'confirmed' });
    expect(decideConfirmation({ ...fresh, confirmedAt: now }, true, now)).toEqual({
      outcome: 'refused',
      reason: 'verification.already_used',
    });
  });

  it('counts wrong codes down to the last try, then refuses even the right one', () => {
    expect(decideConfirmation(fresh, false, now)).toEqual({ outcome: 'wrong_code', triesLeft: MAX_TRIES - 1 });
    expect(decideConfirmation({ ...fresh, tries: MAX_TRIES - 1 }, false, now)).toEqual({
      outcome: 'wrong_code',
      triesLeft: 0,
    });
    expect(decideConfirmation({ ...fresh, tries: MAX_TRIES }, true, now)).toEqual({
      outcome: 'refused',
      reason: 'verification.exhausted',
    });
  });

  it('refuses a code after its five minutes, right or wrong', () => {
    const later = new Date('2026-12-02T08:05:00.001Z');
    expect(decideConfirmation(fresh, true, later)).toEqual({ outcome: 'refused', reason: 'verification.expired' });
    expect(decideConfirmation(fresh, false, later)).toEqual({ outcome: 'refused', reason: 'verification.expired' });
  });
});
