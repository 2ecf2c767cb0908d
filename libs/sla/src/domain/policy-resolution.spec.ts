import type { Duration } from '@hotline/directory/domain';
import { PolicyRow, resolvePolicy } from './policy-resolution';

const h = (amount: number): Duration => ({ amount, unit: 'hours' });
const row = (urgency: PolicyRow['urgency'], categoryCode: string | null, resolve: number): PolicyRow => ({
  urgency,
  categoryCode,
  dispatchWithin: h(1),
  signWithin: h(1),
  responseWithin: h(1),
  resolveWithin: h(resolve),
  callbackWithin: h(48),
  transferAckWithin: { amount: 30, unit: 'minutes' },
  reviewResult: false,
});

describe('resolvePolicy', () => {
  const rows = [
    row('general', null, 168),
    row('general', '03', 72),
    row('general', '0301', 24),
    row('emergency', null, 2),
  ];

  it('takes the most specific category row of the urgency', () => {
    expect(resolvePolicy(rows, 'general', ['030101', '0301', '03']).resolveWithin.amount).toBe(24);
    expect(resolvePolicy(rows, 'general', ['030201', '0302', '03']).resolveWithin.amount).toBe(72);
  });

  it('follows the tree: a category moved under 0301 takes its row, whatever its code', () => {
    expect(resolvePolicy(rows, 'general', ['050101', '0301', '03']).resolveWithin.amount).toBe(24);
  });

  it('falls back to the urgency default', () => {
    expect(resolvePolicy(rows, 'general', ['010101', '0101', '01']).resolveWithin.amount).toBe(168);
    expect(resolvePolicy(rows, 'emergency', ['030101', '0301', '03']).resolveWithin.amount).toBe(2);
  });

  it('refuses a policy without a default for the urgency', () => {
    expect(() => resolvePolicy(rows, 'complex', ['010101', '0101', '01'])).toThrow(
      'no default row for urgency complex',
    );
  });
});
