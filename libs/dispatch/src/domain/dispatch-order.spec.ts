import { callerForUnit, companyForUnit, withoutRequesterIdentity } from './dispatch-order';

const subject = {
  status: 'dispatched' as const,
  confidential: false,
  sensitive: false,
  leadUnitCode: '110105001',
  forwardedToUnitCode: null,
  callerName: '王女士',
  callerPhone: '13812345678',
  companyName: null,
  companyCreditCode: null,
};
const enterprise = { ...subject, companyName: '北京某某科技有限公司', companyCreditCode: '91110000600037341L' };

describe('callerForUnit', () => {
  it('gives the lead unit the caller to contact', () => {
    expect(callerForUnit(subject, '110105001')).toEqual({ name: '王女士', phone: '13812345678' });
  });

  it('gives the community its street forwarded the case to the caller to contact, too', () => {
    const forwarded = { ...subject, forwardedToUnitCode: '110105001002' };
    expect(callerForUnit(forwarded, '110105001002')).toEqual({ name: '王女士', phone: '13812345678' });
    expect(callerForUnit(forwarded, '110105001003')).toEqual({ name: null, phone: '138****5678' });
  });

  it('gives a co-handler only a masked number', () => {
    expect(callerForUnit(subject, 'DEPT-WATER')).toEqual({ name: null, phone: '138****5678' });
  });

  it('gives no unit anything about the caller of a confidential case or a sensitive enterprise demand', () => {
    for (const hidden of [
      { ...subject, confidential: true },
      { ...enterprise, sensitive: true },
    ]) {
      expect(callerForUnit(hidden, '110105001')).toBeUndefined();
      expect(callerForUnit(hidden, 'DEPT-WATER')).toBeUndefined();
    }
  });
});

describe('companyForUnit', () => {
  it('tells the units the company of an enterprise’s demand', () => {
    expect(companyForUnit(enterprise)).toEqual({ name: '北京某某科技有限公司', creditCode: '91110000600037341L' });
  });

  it('tells nothing for a citizen’s demand, nor for a sensitive one (匿名交办)', () => {
    expect(companyForUnit(subject)).toBeUndefined();
    expect(companyForUnit({ ...enterprise, sensitive: true })).toBeUndefined();
  });
});

describe('withoutRequesterIdentity', () => {
  it('drops the caller, the caller number of a transfer and the company, keeping the rest', () => {
    const order = {
      orderId: 'o1',
      unitCode: '110105001',
      caller: { name: '王女士', phone: '13812345678' },
      company: { name: '北京某某科技有限公司', creditCode: '91110000600037341L' },
    };
    expect(withoutRequesterIdentity(order)).toEqual({ orderId: 'o1', unitCode: '110105001' });
    const transfer = { transferId: 't1', utilityCode: 'UTIL-WATER', callerNumber: '13812345678' };
    expect(withoutRequesterIdentity(transfer)).toEqual({ transferId: 't1', utilityCode: 'UTIL-WATER' });
    expect(JSON.stringify(withoutRequesterIdentity(order))).not.toMatch(/138|91110000600037341L|科技/);
  });
});
