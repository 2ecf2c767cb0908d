import { instant } from '@hotline/clock/domain';
import { type CaseFacts, type SubmissionFacts, toServiceRequest } from './request-status';

describe('toServiceRequest', () => {
  const submission: SubmissionFacts = {
    id: 's-1',
    status: 'waiting',
    categoryCode: '030101',
    description: '停水了',
    address: '建国路88号院',
    lat: 39.9,
    long: 116.4,
    mediaUrl: null,
    submittedAt: instant('2026-12-02T01:00:00Z'),
    decidedAt: null,
    reply: null,
  };
  const names = (code: string) => ({ '030101': '停水', '030102': '水压低' })[code] ?? code;
  const handled: CaseFacts = {
    caseNumber: '20261202-0000001',
    status: 'signed',
    categoryCode: '030102',
    leadUnitName: '自来水集团',
    resolutionReply: null,
    updatedAt: instant('2026-12-02T03:00:00Z'),
  };

  it('is open while it waits, with the citizen’s own category', () => {
    expect(toServiceRequest(submission, null, names)).toMatchObject({
      service_request_id: 's-1',
      status: 'open',
      service_code: '030101',
      service_name: '停水',
      agency_responsible: null,
      requested_datetime: '2026-12-02T01:00:00.000Z',
      updated_datetime: '2026-12-02T01:00:00.000Z',
    });
  });

  it('follows its case: the agent’s category, the unit, the case number, then the unit’s reply', () => {
    const accepted = { ...submission, status: 'accepted' as const, decidedAt: instant('2026-12-02T02:00:00Z') };
    expect(toServiceRequest(accepted, handled, names)).toMatchObject({
      status: 'open',
      service_code: '030102',
      service_name: '水压低',
      agency_responsible: '自来水集团',
      status_notes: '已受理，工单号 20261202-0000001',
      updated_datetime: '2026-12-02T03:00:00.000Z',
    });
    const resolved = { ...handled, status: 'resolved' as const, resolutionReply: '管道已修复，已恢复供水' };
    expect(toServiceRequest(accepted, resolved, names)).toMatchObject({
      status: 'closed',
      status_notes: '管道已修复，已恢复供水',
    });
  });

  it('is closed with the answer when an agent answered it without a case', () => {
    const answered = {
      ...submission,
      status: 'answered' as const,
      reply: '请拨打96116',
      decidedAt: submission.submittedAt,
    };
    expect(toServiceRequest(answered, null, names)).toMatchObject({ status: 'closed', status_notes: '请拨打96116' });
  });
});
