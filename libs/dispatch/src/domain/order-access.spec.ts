import { assertOrderRole } from './order-access';
import { reasonOf } from '@hotline/core/testing';

describe('acting through an order', () => {
  const lead = { id: 'o1', role: 'lead' as const };
  const co = { id: 'o2', role: 'co' as const };

  it('needs an active order of the unit', () => {
    expect(reasonOf(() => assertOrderRole(null))).toBe('order.none_active');
    expect(assertOrderRole(co)).toBe(co);
  });

  it('keeps lead actions to the lead and a co-handler’s report to co-handlers', () => {
    expect(assertOrderRole(lead, 'lead')).toBe(lead);
    expect(reasonOf(() => assertOrderRole(co, 'lead'))).toBe('order.lead_only');
    expect(assertOrderRole(co, 'co')).toBe(co);
    expect(reasonOf(() => assertOrderRole(lead, 'co'))).toBe('order.co_only');
  });

  it('lets a community its street forwarded the case to act for the lead, not report as a co-handler', () => {
    const sub = { id: 'o3', role: 'sub' as const };
    expect(assertOrderRole(sub, 'lead')).toBe(sub);
    expect(reasonOf(() => assertOrderRole(sub, 'co'))).toBe('order.co_only');
  });

  it('refuses with 403-coded errors', () => {
    expect(() => assertOrderRole(co, 'lead')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
