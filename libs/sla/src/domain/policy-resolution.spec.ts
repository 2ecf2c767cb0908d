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
    expect(resolvePolicy(rows, 'general', '030101').resolveWithin.amount).toBe(24);
    expect(resolvePolicy(rows, 'general', '030201').resolveWithin.amount).toBe(72);
  });

  it('falls back to the urgency default', () => {
    expect(resolvePolicy(rows, 'general', '010101').resolveWithin.amount).toBe(168);
    expect(resolvePolicy(rows, 'emergency', '030101').resolveWithin.amount).toBe(2);
  });

  it('refuses a policy without a default for the urgency', () => {
    expect(() => resolvePolicy(rows, 'complex', '010101')).toThrow('no default row for urgency complex');
  });
});
