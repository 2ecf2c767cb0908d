import { MAX_TEXT_LENGTH, renderNotification, storedText } from './notification-templates';
import { acceptsReport, mayNotify, receivesSms } from './notification-rules';

describe('notification templates', () => {
  it('renders the case number and the reply into zh-CN text', () => {
    expect(renderNotification('case_registered', { caseNumber: '20261202000123' })).toContain('工单号20261202000123');
    expect(renderNotification('case_resolved', { caseNumber: 'X1', reply: '已恢复供水' })).toMatch(/X1.*已恢复供水$/);
  });

  it('cuts a long reply to the limit, counting Chinese characters one each', () => {
    const text = renderNotification('case_resolved', { caseNumber: 'X1', reply: '水'.repeat(2000) });
    expect(Array.from(text)).toHaveLength(MAX_TEXT_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });

  it('sends the code but keeps it out of the stored text', () => {
    expect(renderNotification('verification_code', { code: '123456', minutes: 5 })).toContain('123456');
    const kept = storedText('verification_code', { code: '123456', minutes: 5 });
    expect(kept).not.toContain('123456');
    expect(kept).toContain('5分钟');
  });
});

describe('notification rules', () => {
  it('writes to mobiles at home and abroad, never to landlines or nobody', () => {
    expect(receivesSms('13912345678')).toBe(true);
    expect(receivesSms('+85291234567')).toBe(true);
    expect(receivesSms('01065123456')).toBe(false);
    expect(receivesSms(null)).toBe(false);
  });

  it('honours an opt-out for case messages but not for a code the citizen asked for', () => {
    expect(mayNotify('case_registered', true)).toBe(false);
    expect(mayNotify('callback_survey', false)).toBe(true);
    expect(mayNotify('verification_code', true)).toBe(true);
  });

  it('takes one delivery report per notification', () => {
    expect(acceptsReport('requested')).toBe(true);
    expect(acceptsReport('delivered')).toBe(false);
    expect(acceptsReport('failed')).toBe(false);
  });
});
