import type { CaseViewsService } from '@hotline/cases';
import type { Clock } from '@hotline/clock';
import type { AssignmentsRepository } from '../assignments.repository';
import type { DispatchMessagesService } from '../dispatch-messages.service';
import { OrdersService } from '../orders.service';
import { InMemoryAssignmentsRepository } from './in-memory-assignments.repository';

/** A message sent on `hotline.dispatch.v1`, as a spec reads it. */
export interface SentDispatchMessage {
  kind: string;
  data: { unitCode?: string; utilityCode?: string; caseId: string } & Record<string, unknown>;
}

/** The real OrdersService over in-memory orders; what it would send to units is recorded. */
export function fakeOrders(clock: Clock) {
  const assignments = new InMemoryAssignmentsRepository();
  const sent: SentDispatchMessage[] = [];
  const messages = {
    send: async (kind: string, data: SentDispatchMessage['data'][]) =>
      void sent.push(...data.map((d) => ({ kind, data: d }))),
  } as unknown as DispatchMessagesService;
  /** Units sent the caller in full, per case (the audit rows the real service writes). */
  const callerSentTo: { caseId: string; unitCodes: readonly string[] }[] = [];
  const caseViews = {
    recordSentToUnits: async (caseId: string, unitCodes: readonly string[]) =>
      void callerSentTo.push({ caseId, unitCodes }),
  } as unknown as CaseViewsService;
  const orders = new OrdersService(assignments as unknown as AssignmentsRepository, messages, caseViews, clock);
  return { orders, assignments, messages, sent, callerSentTo };
}
