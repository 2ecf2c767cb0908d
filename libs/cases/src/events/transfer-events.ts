import { IsISO8601, IsString, IsUUID } from 'class-validator';
import { EVENT_TYPE_PREFIX } from '@hotline/messaging';

/** Transfer orders on `hotline.dispatch.v1` (key = the utility's unit code). */
export const TRANSFER_ORDER_ISSUED = `${EVENT_TYPE_PREFIX}.transfer.order_issued.v1`;
export const TRANSFER_ORDER_ACKNOWLEDGED = `${EVENT_TYPE_PREFIX}.transfer.order_acknowledged.v1`;

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
  @IsString() callerNumber!: string;
  @IsISO8601() ackDueAt!: string;
}

export class TransferAcknowledgedData {
  @IsUUID() transferId!: string;
  @IsUUID() caseId!: string;
  @IsString() utilityCode!: string;
  @IsISO8601() acknowledgedAt!: string;
}
