import { SLA_POLICIES } from '../seed/data/sla-policies';
import { checkSlaPolicy, SlaPolicyInput } from './sla-policy-validation';

const defaults: SlaPolicyInput[] = SLA_POLICIES.map((p) => ({ ...p }));

describe('checkSlaPolicy', () => {
  it('accepts the seeded default table', () => {
    expect(checkSlaPolicy(defaults, () => true)).toEqual([]);
  });

  it('needs a default row for every urgency', () => {
    const problems = checkSlaPolicy(defaults.slice(1), () => true);
    expect(problems).toEqual([
      {
        field: 'items',
        message: 'needs a default row (no categoryCode) for urgency emergency',
        reason: 'missing_default',
      },
    ]);
  });

  it('refuses a repeated urgency/category pair and an unknown category', () => {
    const override = { ...defaults[2], categoryCode: '0301' };
    const problems = checkSlaPolicy([...defaults, override, override], (code) => code !== '0301');
    expect(problems.map((p) => p.field)).toEqual(['items.4.categoryCode', 'items.5', 'items.5.categoryCode']);
  });
});
