import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '../domain/case-vocabulary';
import { UNIT_NOTICE_KINDS, type UnitNoticeKind } from '../domain/unit-notices';

/**
 * A unit notice (docs/events.md, "Unit notices"): a case event that concerns a unit — a warning, a
 * breach, a supervision order, a decision on its request, a changed deadline, an assignment — sent
 * with the event, through the outbox, to the unit's inbox topic (key = case id) and to the shared
 * `hotline.dispatch.v1` (key = unit code). Never the caller's identity: it comes from a case event.
 */
export const UNIT_NOTICE_TYPE = `${EVENT_TYPE_PREFIX}.unit_notice.issued.v1`;

/** The case's running deadlines after the event, as the unit works to them; null: no such clock now. */
export class NoticeDeadlines {
  @IsOptional() @IsISO8601() sign!: string | null;
  @IsOptional() @IsISO8601() response!: string | null;
  @IsOptional() @IsISO8601() resolve!: string | null;
  /** A co-handler's own report deadline (absent for the lead and a forwarded-to community). */
  @IsOptional() @IsISO8601() report?: string | null;
}

export class UnitNoticeData {
  @IsIn(UNIT_NOTICE_KINDS) kind!: UnitNoticeKind;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsString() unitCode!: string;
  /** The unit's part in the case after the event; null once it holds no order (an approved return). */
  @IsOptional() @IsIn(ASSIGNMENT_ROLES) role!: AssignmentRole | null;
  /** The case's status after the event. */
  @IsString() status!: string;
  /** The case event this notice comes from (its id on `hotline.cases.v1` and on the timeline). */
  @IsUUID() caseEventId!: string;
  @IsISO8601() occurredAt!: string;
  @ValidateNested() @Type(() => NoticeDeadlines) deadlines!: NoticeDeadlines;
  /** The case event's own fields (e.g. a supervision's level and due time, an extension's hours). */
  @IsObject() detail!: Record<string, unknown>;
}
