import { callerVisibility } from './privacy';

describe('callerVisibility', () => {
  const open = { confidential: false, leadUnitCode: '110105001' };

  it('shows centre staff everything, even on confidential cases', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(callerVisibility({ role, unitCode: null }, { ...open, confidential: true })).toBe('full');
    }
  });

  it('shows the lead unit the caller, and masks it for other units', () => {
    expect(callerVisibility({ role: 'handler', unitCode: '110105001' }, open)).toBe('full');
    expect(callerVisibility({ role: 'handler', unitCode: 'DEPT-WATER' }, open)).toBe('masked');
  });

  it('hides the caller of a confidential case from every unit, the lead included', () => {
    expect(callerVisibility({ role: 'handler', unitCode: '110105001' }, { ...open, confidential: true })).toBe(
      'hidden',
    );
  });

  it('treats the system (messages to units) like a unit without a lead role', () => {
    expect(callerVisibility({ role: 'system', unitCode: 'DEPT-WATER' }, open)).toBe('masked');
    expect(callerVisibility({ role: 'system', unitCode: '110105001' }, open)).toBe('full');
  });
});
