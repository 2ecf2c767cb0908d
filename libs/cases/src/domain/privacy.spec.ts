import { callerVisibility, readsCallerIdentity, showsCallerInFull, showsCompany } from './privacy';

describe('callerVisibility', () => {
  const open = { confidential: false, sensitive: false, leadUnitCode: '110105001', status: 'signed' as const };

  it('shows centre staff everything, even on confidential cases', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(callerVisibility({ role, unitCode: null }, { ...open, confidential: true })).toBe('full');
    }
  });

  it('shows the lead unit the caller, and masks it for other units', () => {
    expect(callerVisibility({ role: 'handler', unitCode: '110105001' }, open)).toBe('full');
    expect(callerVisibility({ role: 'handler', unitCode: 'DEPT-WATER' }, open)).toBe('masked');
  });

  it('shows the lead the full phone only while its orders are active (the case needs contact)', () => {
    for (const status of ['dispatched', 'signed', 'return_requested'] as const) {
      expect(callerVisibility({ role: 'handler', unitCode: '110105001' }, { ...open, status })).toBe('full');
    }
    for (const status of ['resolved', 'closed', 'reopened', 'registered'] as const) {
      expect(callerVisibility({ role: 'handler', unitCode: '110105001' }, { ...open, status })).toBe('masked');
    }
  });

  it('hides the caller of a confidential case from every unit, the lead included', () => {
    expect(callerVisibility({ role: 'handler', unitCode: '110105001' }, { ...open, confidential: true })).toBe(
      'hidden',
    );
  });

  it('hides the caller of a sensitive enterprise demand from every unit, like a confidential one', () => {
    for (const unitCode of ['110105001', 'DEPT-WATER']) {
      expect(callerVisibility({ role: 'handler', unitCode }, { ...open, sensitive: true })).toBe('hidden');
      expect(callerVisibility({ role: 'system', unitCode }, { ...open, sensitive: true })).toBe('hidden');
    }
    expect(callerVisibility({ role: 'supervisor', unitCode: null }, { ...open, sensitive: true })).toBe('full');
  });

  it('treats the system (messages to units) like a unit without a lead role', () => {
    expect(callerVisibility({ role: 'system', unitCode: 'DEPT-WATER' }, open)).toBe('masked');
    expect(callerVisibility({ role: 'system', unitCode: '110105001' }, open)).toBe('full');
  });
});

describe('readsCallerIdentity', () => {
  const signed = { confidential: false, sensitive: false, leadUnitCode: '110105001', status: 'signed' as const };
  const lead = { role: 'handler' as const, unitCode: '110105001' };

  it('is a handler shown the caller in full: the lead on an active order', () => {
    expect(readsCallerIdentity(lead, signed)).toBe(true);
  });

  it('is not a masked or hidden view, nor centre staff (they see every caller)', () => {
    expect(readsCallerIdentity({ role: 'handler', unitCode: 'DEPT-WATER' }, signed)).toBe(false);
    expect(readsCallerIdentity(lead, { ...signed, status: 'resolved' })).toBe(false);
    expect(readsCallerIdentity(lead, { ...signed, confidential: true })).toBe(false);
    expect(readsCallerIdentity({ role: 'agent', unitCode: null }, signed)).toBe(false);
    expect(readsCallerIdentity({ role: 'system', unitCode: '110105001' }, signed)).toBe(false);
  });
});

describe('showsCompany', () => {
  it('shows the company of a demand to the centre and to every unit on the case', () => {
    for (const role of ['agent', 'supervisor', 'admin', 'handler', 'system'] as const) {
      expect(showsCompany({ role }, { sensitive: false })).toBe(true);
    }
  });

  it('keeps the company of a sensitive demand in the centre: no unit, no message to a unit', () => {
    expect(showsCompany({ role: 'handler' }, { sensitive: true })).toBe(false);
    expect(showsCompany({ role: 'system' }, { sensitive: true })).toBe(false);
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(showsCompany({ role }, { sensitive: true })).toBe(true);
    }
  });
});

describe('showsCallerInFull', () => {
  it('sees the caller in a full phone or in a name, not in a masked or absent one', () => {
    expect(showsCallerInFull({ id: 'c', callerPhone: '13812345678', callerName: null })).toBe(true);
    expect(showsCallerInFull({ id: 'c', callerPhone: null, callerName: '王女士' })).toBe(true);
    expect(showsCallerInFull({ id: 'c', callerPhone: '138****5678', callerName: null })).toBe(false);
    expect(showsCallerInFull({ id: 'c', callerPhone: null, callerName: null })).toBe(false);
    expect(showsCallerInFull({ items: [] })).toBe(false);
  });
});
