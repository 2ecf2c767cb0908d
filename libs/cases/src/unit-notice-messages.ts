import { instant } from '@hotline/clock';
import { type CloudEvent, createCloudEvent, type OutgoingMessage, toUnitAndCentre } from '@hotline/messaging';
import type { CaseEventName } from './events/case.events';
import { NoticeDeadlines, UNIT_NOTICE_TYPE, type UnitNoticeData } from './events/unit-notice.events';
import { unitNoticesOf } from './domain/unit-notices';
import type { CaseEntity } from './entities/case.entity';

/**
 * The unit notices of one case event (docs/events.md, "Unit notices"), each twice like an order
 * (`toUnitAndCentre`): the inbox projection reads the centre's copy. Built by the case-command kernel,
 * so they commit with the event.
 */
export function unitNoticeMessages(
  subject: CaseEntity,
  name: CaseEventName,
  data: { unitCode?: unknown },
  actingUnitCode: string | null,
  caseEvent: CloudEvent,
): OutgoingMessage[] {
  return unitNoticesOf(name, data, actingUnitCode, subject).flatMap(({ kind, unitCode, role }) => {
    const notice: UnitNoticeData = {
      kind,
      caseId: subject.id,
      caseNumber: subject.caseNumber,
      unitCode,
      role,
      status: subject.status,
      caseEventId: caseEvent.id,
      occurredAt: caseEvent.time,
      deadlines: role
        ? deadlinesOf(subject, role === 'co' ? unitCode : null)
        : { sign: null, response: null, resolve: null },
      detail: { ...data, ...changeOf(caseEvent) },
    };
    const event = () =>
      createCloudEvent({
        type: UNIT_NOTICE_TYPE,
        source: caseEvent.source,
        subject: subject.id,
        time: instant(caseEvent.time),
        data: notice,
      });
    return toUnitAndCentre(unitCode, subject.id, event(), event());
  });
}

/** The case's deadlines, and for a co-handler its own report deadline. */
function deadlinesOf(c: CaseEntity, coUnitCode: string | null): NoticeDeadlines {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const due = { sign: iso(c.signDueAt), response: iso(c.responseDueAt), resolve: iso(c.resolveDueAt) };
  return coUnitCode ? { ...due, report: c.coReportDue[coUnitCode] ?? null } : due;
}

/** A change's fields after the event (a correction's new category, urgency, place), when it has them. */
function changeOf(caseEvent: CloudEvent): { after?: unknown } {
  const after = (caseEvent.data as { after?: unknown }).after;
  return after === undefined ? {} : { after };
}
