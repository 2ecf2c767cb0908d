import { callerForUnit } from './dispatch-order';

describe('callerForUnit', () => {
  const subject = { confidential: false, leadUnitCode: '110105001', callerName: '王女士', callerPhone: '13812345678' };

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
