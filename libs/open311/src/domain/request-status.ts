import type { CaseStatus } from '@hotline/cases/domain';
import { instant } from '@hotline/clock/domain';
import type { ServiceRequest } from './open311-format';

/** What the queue knows of a request: the submission it filed. */
export interface SubmissionFacts {
  id: string;
  status: 'waiting' | 'accepted' | 'answered';
  categoryCode: string | null;
  description: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  mediaUrl: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  reply: string | null;
}

/** What the case it became tells a citizen: no staff, no internal notes. */
export interface CaseFacts {
  caseNumber: string;
  status: CaseStatus;
  categoryCode: string;
  leadUnitName: string | null;
  resolutionReply: string | null;
  updatedAt: Date;
}

/** A unit has given its result (or the centre settled it): done, for the citizen. */
const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['resolved', 'closed', 'answered'];

/**
 * An Open311 service request as its filer sees it (docs/api.md, "Open311 GeoReport v2"): `open` while
 * it waits for an agent and while its case is being handled, `closed` once answered or resolved,
 * with the answer or the unit's reply as `status_notes` and the responsible unit as the agency.
 */
export function toServiceRequest(
  submission: SubmissionFacts,
  found: CaseFacts | null,
  serviceNameOf: (code: string) => string,
): ServiceRequest {
  const serviceCode = found?.categoryCode ?? submission.categoryCode ?? '';
  const closed = submission.status === 'answered' || (found !== null && CLOSED_CASE_STATUSES.includes(found.status));
  const updated = [submission.submittedAt, submission.decidedAt, found?.updatedAt].filter((d): d is Date => !!d);
  return {
    service_request_id: submission.id,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(submission, found),
    service_name: serviceCode ? serviceNameOf(serviceCode) : '',
    service_code: serviceCode,
    description: submission.description ?? '',
    agency_responsible: found?.leadUnitName ?? null,
    service_notice: null,
    requested_datetime: submission.submittedAt.toISOString(),
    updated_datetime: instant(Math.max(...updated.map((d) => d.getTime()))).toISOString(),
    expected_datetime: null,
    address: submission.address,
    address_id: null,
    zipcode: null,
    lat: submission.lat,
    long: submission.long,
    media_url: submission.mediaUrl,
  };
}

function statusNotes(submission: SubmissionFacts, found: CaseFacts | null): string | null {
  if (submission.status === 'answered') return submission.reply;
  if (submission.status === 'waiting') return '已收到，等待受理（两小时内）';
  if (!found) return null;
  if (found.resolutionReply && CLOSED_CASE_STATUSES.includes(found.status)) return found.resolutionReply;
  return `已受理，工单号 ${found.caseNumber}`;
}
