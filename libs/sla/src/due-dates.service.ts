import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import type { Urgency } from '@hotline/directory';
import { categoryPath, ReferenceDataService } from '@hotline/directory';
import { CalendarRepository } from './calendar.repository';
import type { DeadlineKind } from './entities/case-deadline.entity';
import { addDuration } from './domain/deadline';
import { holidayCalendar } from './domain/holiday-calendar';
import { PolicyRow, resolvePolicy } from './domain/policy-resolution';
import type { WorkingCalendar } from './domain/working-calendar';
import { nextWorkingHour, parseOfficeHours } from './domain/working-hours';

export interface DispatchDeadlines {
  signDueAt: Date;
  responseDueAt: Date;
  resolveDueAt: Date;
}

/**
 * When each deadline of a case falls due: from the SLA policy in force (docs/product.md, "Deadlines")
 * for the case's urgency and category, counted on the holiday calendar (public holidays and 调休
 * working days) where a limit is in working days.
 */
@Injectable()
export class DueDatesService {
  private calendar: { at: number; value: Promise<WorkingCalendar> } | undefined;

  constructor(
    private readonly reference: ReferenceDataService,
    private readonly calendarDays: CalendarRepository,
    private readonly config: AppConfig,
  ) {}

  /** The dispatch deadline counts from registration. */
  dispatchDue(urgency: Urgency, categoryCode: string, registeredAt: Date): Promise<Date> {
    return this.dueOf('dispatch', urgency, categoryCode, registeredAt);
  }

  /** Sign, response and resolve count from the dispatch the unit keeps. */
  async afterDispatch(urgency: Urgency, categoryCode: string, dispatchedAt: Date): Promise<DispatchDeadlines> {
    return {
      signDueAt: await this.dueOf('sign', urgency, categoryCode, dispatchedAt),
      responseDueAt: await this.dueOf('response', urgency, categoryCode, dispatchedAt),
      resolveDueAt: await this.dueOf('resolve', urgency, categoryCode, dispatchedAt),
    };
  }

  /** Callback counts from resolution, or from the resolve deadline passing unresolved. */
  callbackDue(urgency: Urgency, categoryCode: string, from: Date): Promise<Date> {
    return this.dueOf('callback', urgency, categoryCode, from);
  }

  transferAckDue(urgency: Urgency, categoryCode: string, transferredAt: Date): Promise<Date> {
    return this.dueOf('transfer_ack', urgency, categoryCode, transferredAt);
  }

  /**
   * When a clock of `kind` started at `from` falls due under the policy for this urgency and category (a
   * co-handler's report has no policy of its own: it follows the lead's resolve deadline, `defaultCoReportDue`).
   */
  async dueOf(
    kind: Exclude<DeadlineKind, 'report'>,
    urgency: Urgency,
    categoryCode: string,
    from: Date,
  ): Promise<Date> {
    const policy = await this.policy(urgency, categoryCode);
    const within = {
      dispatch: policy.dispatchWithin,
      sign: policy.signWithin,
      response: policy.responseWithin,
      resolve: policy.resolveWithin,
      callback: policy.callbackWithin,
      transfer_ack: policy.transferAckWithin,
    }[kind];
    return this.add(from, within);
  }

  /** Does the policy for this urgency and category have the centre review the lead's result (审核)? */
  async reviewsResult(urgency: Urgency, categoryCode: string): Promise<boolean> {
    return (await this.policy(urgency, categoryCode)).reviewResult;
  }

  /** When the centre's next working hour begins (`at` itself during office hours of a working day). */
  async nextWorkingHour(at: Date): Promise<Date> {
    return nextWorkingHour(at, await this.workingCalendar(), parseOfficeHours(this.config.OFFICE_HOURS));
  }

  /** An admin changed the calendar through this process: use it at once. */
  invalidateCalendar(): void {
    this.calendar = undefined;
  }

  private async add(from: Date, duration: PolicyRow['dispatchWithin']): Promise<Date> {
    return addDuration(from, duration, duration.unit === 'working_days' ? await this.workingCalendar() : NO_CALENDAR);
  }

  private workingCalendar(): Promise<WorkingCalendar> {
    // Freshness is elapsed process time (monotonic), not business time: the Clock may be moved.
    const now = performance.now();
    if (!this.calendar || now - this.calendar.at > this.config.REFERENCE_CACHE_SECONDS * 1000) {
      const value = this.calendarDays.all().then((days) => holidayCalendar(days));
      this.calendar = { at: now, value };
      value.catch(() => (this.calendar = undefined));
    }
    return this.calendar.value;
  }

  private async policy(urgency: Urgency, categoryCode: string): Promise<PolicyRow> {
    const snapshot = await this.reference.snapshot();
    return resolvePolicy(snapshot.slaPolicies, urgency, categoryPath(categoryCode, snapshot.categories));
  }
}

/** Hours and calendar days never consult the calendar. */
const NO_CALENDAR: WorkingCalendar = { isWorkingDay: () => true };
