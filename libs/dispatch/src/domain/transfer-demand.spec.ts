import { caseFromCall } from './transfer-demand';

describe('caseFromCall', () => {
  const call = { id: 'call-1', callerNumber: '13812345678' };

  it('registers a help request by phone from the caller’s number, described by the summary', () => {
    const place = { categoryCode: '030101', districtCode: '110105', address: '建国路88号院' };
    expect(caseFromCall(call, '停水了', place)).toEqual({
      callId: 'call-1',
      channel: 'phone',
      demandType: 'help',
      urgency: 'general',
      categoryCode: '030101',
      districtCode: '110105',
      streetCode: undefined,
      address: '建国路88号院',
      callerPhone: '13812345678',
      description: '停水了',
    });
  });

  it('names every missing field', () => {
    expect(caseFromCall(call, ' ', { districtCode: '110105' })).toEqual([
      expect.objectContaining({ field: 'summary', reason: 'required' }),
      expect.objectContaining({ field: 'categoryCode', reason: 'required' }),
      expect.objectContaining({ field: 'address', reason: 'required' }),
    ]);
  });
});
