import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '@hotline/cases/domain';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';

/**
 * Order messages (docs/events.md): dispatch orders, their cancellation and completion, one-click
 * transfers. Each goes to the receiving unit's inbox (`hotline.unit-inbox.<code>.v1`, key = case id)
 * and, without the caller's or the company's identity, to the centre's `hotline.dispatch.v1` (key = unit code).
 */
export const DISPATCH_EVENT_TYPES = {
  orderIssued: `${EVENT_TYPE_PREFIX}.dispatch.order_issued.v1`,
  orderCancelled: `${EVENT_TYPE_PREFIX}.dispatch.order_cancelled.v1`,
  orderCompleted: `${EVENT_TYPE_PREFIX}.dispatch.order_completed.v1`,
  transferIssued: `${EVENT_TYPE_PREFIX}.transfer.order_issued.v1`,
  transferAcknowledged: `${EVENT_TYPE_PREFIX}.transfer.order_acknowledged.v1`,
} as const;

export class OrderCaller {
  @IsOptional() @IsString() @MaxLength(100) name?: string | null;
  /**
   * Only on the unit's own inbox: full for the lead unit, masked for co-handlers; the whole caller
   * is omitted when confidential or sensitive, and always on the shared topic. Absent when the
   * demand came without a number (a letter, a web form).
   */
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
}

/**
 * The enterprise of an enterprise's demand (docs/product.md, "The enterprise service channel"). Only on the
 * unit's own inbox; omitted for a citizen's demand and a sensitive one, and always on the shared topic.
 */
export class OrderCompany {
  @IsString() @MaxLength(200) name!: string;
  @IsString() @Length(18, 18) creditCode!: string;
}

export class OrderDeadlines {
  @IsISO8601() sign!: string;
  @IsISO8601() response!: string;
  @IsISO8601() resolve!: string;
  /** A co-handler's own deadline to report its part (co orders only). */
  @IsOptional() @IsISO8601() report?: string;
}

export class OrderIssuedData {
  @IsUUID() orderId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsString() unitCode!: string;
  /** `sub`: a community its street forwarded the case to (转派), working to the street's deadlines. */
  @IsIn(ASSIGNMENT_ROLES) role!: AssignmentRole;
  @IsString() categoryCode!: string;
  @IsString() urgency!: string;
  @IsString() summary!: string;
  @IsString() address!: string;
  @IsISO8601() issuedAt!: string;
  @ValidateNested() @Type(() => OrderDeadlines) deadlines!: OrderDeadlines;
  /** A forwarded order (`sub`): when the street already made first contact with the citizen; null: not yet. */
  @IsOptional() @IsISO8601() respondedAt?: string | null;
  @IsOptional() @ValidateNested() @Type(() => OrderCaller) caller?: OrderCaller;
  @IsOptional() @ValidateNested() @Type(() => OrderCompany) company?: OrderCompany;
}

export class OrderCancelledData {
  @IsUUID() orderId!: string;
  @IsUUID() caseId!: string;
  @IsString() unitCode!: string;
  @IsString() reason!: string;
}

/** The case was resolved: the order leaves the unit's open work. */
export class OrderCompletedData {
  @IsUUID() orderId!: string;
  @IsUUID() caseId!: string;
  @IsString() unitCode!: string;
}

export class TransferIssuedData {
  @IsUUID() transferId!: string;
  @IsUUID() callId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsString() utilityCode!: string;
  @IsString() categoryCode!: string;
  @IsString() urgency!: string;
  @IsString() summary!: string;
  @IsString() address!: string;
  /**
   * Only on the utility's own inbox, so it can call back the caller put through to it; omitted
   * when the case is confidential or sensitive, and always on the shared topic.
   */
  @IsOptional() @IsString() callerNumber?: string;
  /** As on a dispatch order: only on the utility's own inbox, omitted when sensitive. */
  @IsOptional() @ValidateNested() @Type(() => OrderCompany) company?: OrderCompany;
  @IsISO8601() ackDueAt!: string;
}

export class TransferAcknowledgedData {
  @IsUUID() transferId!: string;
  @IsUUID() caseId!: string;
  @IsString() utilityCode!: string;
  @IsISO8601() acknowledgedAt!: string;
}
