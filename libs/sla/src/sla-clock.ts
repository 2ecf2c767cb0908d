import { Injectable } from '@nestjs/common';
import type { Urgency } from '@hotline/directory';
import { ReferenceCache } from '@hotline/directory';
import { addDuration } from './domain/deadline';
import { resolvePolicy } from './domain/policy-resolution';
import { WEEKENDS_ONLY, WorkingCalendar } from './domain/working-calendar';

export interface DispatchDeadlines {
  signDueAt: Date;
  responseDueAt: Date;
  resolveDueAt: Date;
}

/** Deadlines from the SLA policy in force (SPEC §3), for a case's urgency and category. */
@Injectable()
export class SlaClock {
  // Weekends only until the holiday calendar (public holidays, 调休) is in place.
  private readonly calendar: WorkingCalendar = WEEKENDS_ONLY;

  constructor(private readonly reference: ReferenceCache) {}

  /** The dispatch deadline counts from registration. */
  async dispatchDue(urgency: Urgency, categoryCode: string, registeredAt: Date): Promise<Date> {
    const policy = await this.policy(urgency, categoryCode);
    return addDuration(registeredAt, policy.dispatchWithin, this.calendar);
  }

  /** Sign, response and resolve count from the dispatch the unit keeps. */
  async afterDispatch(urgency: Urgency, categoryCode: string, dispatchedAt: Date): Promise<DispatchDeadlines> {
    const policy = await this.policy(urgency, categoryCode);
    return {
      signDueAt: addDuration(dispatchedAt, policy.signWithin, this.calendar),
      responseDueAt: addDuration(dispatchedAt, policy.responseWithin, this.calendar),
      resolveDueAt: addDuration(dispatchedAt, policy.resolveWithin, this.calendar),
    };
  }

  async transferAckDue(urgency: Urgency, categoryCode: string, transferredAt: Date): Promise<Date> {
    const policy = await this.policy(urgency, categoryCode);
    return addDuration(transferredAt, policy.transferAckWithin, this.calendar);
  }

  private async policy(urgency: Urgency, categoryCode: string) {
    return resolvePolicy((await this.reference.snapshot()).slaPolicies, urgency, categoryCode);
  }
}
