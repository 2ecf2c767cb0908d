import { callerForUnit, withoutCallerIdentity } from './dispatch-order';

describe('callerForUnit', () => {
  const subject = {
    status: 'dispatched' as const,
    confidential: false,
    leadUnitCode: '110105001',
    callerName: '王女士',
    callerPhone: '13812345678',
  };

  it('gives the lead unit the caller to contact', () => {
    expect(callerForUnit(subject, '110105001')).toEqual({ name: '王女士', phone: '13812345678' });
  });

  it('gives a co-handler only a masked number', () => {
    expect(callerForUnit(subject, 'DEPT-WATER')).toEqual({ name: null, phone: '138****5678' });
  });

  it('gives no unit anything about the caller of a confidential case', () => {
    expect(callerForUnit({ ...subject, confidential: true }, '110105001')).toBeUndefined();
    expect(callerForUnit({ ...subject, confidential: true }, 'DEPT-WATER')).toBeUndefined();
  });
});

describe('withoutCallerIdentity', () => {
  it('drops the caller of an order and the caller number of a transfer, keeping the rest', () => {
    const order = { orderId: 'o1', unitCode: '110105001', caller: { name: '王女士', phone: '13812345678' } };
    expect(withoutCallerIdentity(order)).toEqual({ orderId: 'o1', unitCode: '110105001' });
    const transfer = { transferId: 't1', utilityCode: 'UTIL-WATER', callerNumber: '13812345678' };
    expect(withoutCallerIdentity(transfer)).toEqual({ transferId: 't1', utilityCode: 'UTIL-WATER' });
    expect(JSON.stringify(withoutCallerIdentity(order))).not.toContain('138');
  });
});
