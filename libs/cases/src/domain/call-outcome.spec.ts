import { CALL_OUTCOME_TARGETS, isTargetOf } from './call-outcome';

describe('call outcomes', () => {
  it('sends emergencies to the emergency lines and referrals to their routes, never crossed', () => {
    expect(isTargetOf('emergency_handoff', '119')).toBe(true);
    expect(isTargetOf('referred_elsewhere', 'petition')).toBe(true);
    expect(isTargetOf('emergency_handoff', 'court')).toBe(false);
    expect(isTargetOf('referred_elsewhere', '110')).toBe(false);
    expect(isTargetOf('emergency_handoff', 'toString')).toBe(false);
  });

  it('lists every target once', () => {
    expect(CALL_OUTCOME_TARGETS).toEqual([
      '110',
      '119',
      '120',
      '122',
      'court',
      'arbitration',
      'petition',
      'discipline',
    ]);
  });
});
