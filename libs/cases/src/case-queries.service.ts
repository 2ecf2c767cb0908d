import { Injectable } from '@nestjs/common';
import { addMs, DAY_MS } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError, Page } from '@hotline/core';
import { CaseEventsRepository, StoredCaseEvent } from './case-events.repository';
import { CaseFilter, CasesRepository } from './cases.repository';
import { CaseView, TimelineEntry, toTimelineEntry } from './case-view';
import { CaseViewsService } from './case-views.service';
import type { Actor } from './domain/actor';
import { canSee, isUnitScoped } from './domain/case-scope';
import type { CaseStatus } from './domain/case-vocabulary';
import { normalizePhone } from './domain/phone';
import type { CaseEntity } from './entities/case.entity';
import type { CaseEventEntity } from './entities/case-event.entity';

export type { CaseFilter } from './cases.repository';

export interface RelatedCase {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  registeredAt: string;
}

export interface CaseDetail extends CaseView {
  timeline: TimelineEntry[];
  /** Open demands of other callers about the same category and place: offered, never merged. */
  possiblyRelated: RelatedCase[];
}

/** Reading cases: the api's lists and detail, and the query API other libraries use instead of SQL. */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly events: CaseEventsRepository,
    private readonly views: CaseViewsService,
    private readonly config: AppConfig,
  ) {}

  async detail(id: string, viewer: Actor): Promise<CaseDetail> {
    const found = await this.cases.get(id);
    if (!canSee(viewer, found)) throw new DomainError('case.not_found', `Case ${id} not found`);
    const events = await this.events.forCase(id);
    return {
      ...(await this.views.show(found, viewer)),
      timeline: events.map(toTimelineEntry),
      possiblyRelated: isUnitScoped(viewer) ? [] : await this.related(found),
    };
  }

  /** Newest first; a handler sees only the cases its unit is or was assigned to. */
  async list(filter: CaseFilter, viewer: Actor): Promise<Page<CaseView>> {
    const callerPhone = filter.callerPhone ? (normalizePhone(filter.callerPhone) ?? filter.callerPhone) : undefined;
    const page = await this.cases.list(
      { ...filter, callerPhone },
      isUnitScoped(viewer) ? (viewer.unitCode ?? '') : null,
    );
    return { items: await this.views.showAll(page.items, viewer), total: page.total };
  }

  /** For a request about case `id` (the api's guard, before anything else looks at the request). */
  async assertVisible(id: string, viewer: Pick<Actor, 'role' | 'unitCode'>): Promise<void> {
    if (!isUnitScoped(viewer)) return;
    const unitCodes = await this.cases.unitCodesOf(id);
    if (!unitCodes || !canSee(viewer, { unitCodes })) throw new DomainError('case.not_found', `Case ${id} not found`);
  }

  /** The case, if `viewer` may see it (404 otherwise). */
  async visible(id: string, viewer: Actor): Promise<CaseEntity> {
    const found = await this.cases.get(id);
    if (!canSee(viewer, found)) throw new DomainError('case.not_found', `Case ${id} not found`);
    return found;
  }

  /**
   * A citizen's own case and its events, for the progress lookup: found by its number and the number
   * the citizen proved; anyone else's case is as unknown as a missing one.
   */
  async ofCitizen(caseNumber: string, phone: string): Promise<{ case: CaseEntity; events: CaseEventEntity[] }> {
    const found = await this.cases.byNumber(caseNumber);
    if (!found || found.callerPhone !== phone) throw new DomainError('case.not_found', `Case ${caseNumber} not found`);
    return { case: found, events: await this.events.forCase(found.id) };
  }

  /** The last `limit` cases that went to a unit (a dry run of a dispatch rule replays them). */
  lastDispatched(limit: number): Promise<CaseEntity[]> {
    return this.cases.lastDispatched(limit);
  }

  /** The cases with these ids, in the order given. */
  byIds(ids: readonly string[]): Promise<CaseEntity[]> {
    return this.cases.byIds(ids);
  }

  /** Today's intake for the live figures: registrations per hotline since `since`, and the open count. */
  async intakeSince(
    since: Date,
    leadUnit?: string,
  ): Promise<{ registeredByHotline: Map<string, number>; open: number }> {
    const [registeredByHotline, open] = await Promise.all([
      this.cases.registeredSinceByHotline(since, leadUnit),
      this.cases.openCount(leadUnit),
    ]);
    return { registeredByHotline, open };
  }

  /** Cases answered on the call since `since` (the live figures; docs/kpi.md, "Knowledge on the call"). */
  answeredSince(since: Date, leadUnit?: string): Promise<number> {
    return this.cases.answeredSinceCount(since, leadUnit);
  }

  /** Every stored case event, case by case in order (rebuilding a projection). */
  allEvents(): AsyncIterable<StoredCaseEvent> {
    return this.events.all();
  }

  private async related(c: CaseEntity): Promise<RelatedCase[]> {
    const rows = await this.cases.related(c, addMs(c.registeredAt, -this.config.REPEAT_WINDOW_DAYS * DAY_MS));
    return rows.map((r) => ({
      id: r.id,
      caseNumber: r.caseNumber,
      status: r.status,
      registeredAt: r.registeredAt.toISOString(),
    }));
  }
}
