import { DomainError } from '@hotline/core';
import { decideCorrection, retimedDue } from './case-correction';

const current = {
  categoryCode: '010101',
  urgency: 'general' as const,
  districtCode: '110105',
  streetCode: '110105001',
  address: '朝阳区建外街道1号',
};

describe('decideCorrection', () => {
  it('keeps only what changes, with what it was', () => {
    const c = decideCorrection(current, { urgency: 'emergency', address: current.address });
    expect(c).toEqual({ changes: { urgency: 'emergency' }, before: { urgency: 'general' }, retimes: true });
  });

  it('re-times only for category or urgency', () => {
    expect(decideCorrection(current, { address: '朝阳区建外街道2号' }).retimes).toBe(false);
    expect(decideCorrection(current, { categoryCode: '010102' }).retimes).toBe(true);
  });

  it('drops the old street when the district changes without one', () => {
    const c = decideCorrection(current, { districtCode: '110108' });
    expect(c.changes).toEqual({ districtCode: '110108', streetCode: null });
    expect(decideCorrection(current, { districtCode: '110108', streetCode: '110108001' }).changes.streetCode).toBe(
      '110108001',
    );
  });

  it('refuses a correction that changes nothing', () => {
    expect(() => decideCorrection(current, { urgency: 'general' })).toThrow(DomainError);
  });
});

describe('retimedDue', () => {
  it('moves the deadline by the policy’s difference and keeps an extension', () => {
    const old = new Date('2026-12-05T10:00:00Z');
    const extended = new Date('2026-12-07T10:00:00Z');
    const shorter = new Date('2026-12-02T10:00:00Z');
    expect(retimedDue(old, old, shorter).toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(retimedDue(extended, old, shorter).toISOString()).toBe('2026-12-04T10:00:00.000Z');
  });
});
