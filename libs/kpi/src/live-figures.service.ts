import { Injectable } from '@nestjs/common';
import { AbandonedCallsService, CallsService, CaseQueriesService } from '@hotline/cases';
import { Clock, dayStart, localDate } from '@hotline/clock';
import { ReferenceDataService } from '@hotline/directory';
import { type CitationUse, KnowledgeFiguresService, shareOf } from '@hotline/knowledge';
import { OnlineIntakeService, type QueueCounts } from '@hotline/online-intake';
import { DeadlinesService } from '@hotline/sla';
import type { Scope } from './domain/report-request';

export interface LiveFigures {
  day: string;
  asOf: string;
  calls: { total: number; answered: number; abandoned: number; answeredRate: number | null };
  cases: { registered: number; open: number; atRisk: number; overdue: number };
  /** Running deadlines past their warning point (75%), by kind: what needs doing now. */
  atRiskBy: Record<string, number>;
  byHotline: { hotline: string; name: string; calls: number; answered: number; cases: number }[];
  /** Answering from the knowledge base (docs/kpi.md, "Knowledge on the call"). */
  knowledge: {
    answeredCases: number;
    answeredWithKnowledge: number;
    shareWithKnowledge: number | null;
    mostUsed: CitationUse[];
    neverUsed: number;
  };
  /**
   * The online intake queue (docs/kpi.md, "Online intake"): waiting now, past their two hours, and
   * decided today — in time or not. The centre's own work: zero in a unit's figures.
   */
  onlineIntake: QueueCounts & { decidedInTimeRate: number | null };
  /**
   * Calling back today's abandoned calls (docs/kpi.md, "Calling back abandoned calls"): how many, called back
   * or got through, still open, and the share of those decided that were settled within their due time.
   */
  callBacks: { abandoned: number; settled: number; open: number; overdue: number; inTimeRate: number | null };
}

const NO_QUEUE: QueueCounts = { waiting: 0, overdue: 0, decidedToday: 0, decidedInTimeToday: 0 };
const NO_CALL_BACKS = { abandoned: 0, settled: 0, decided: 0, inTime: 0 };

/** Today on the floor (GET /kpi/live), from the owners of calls, cases and clocks. */
@Injectable()
export class LiveFiguresService {
  constructor(
    private readonly calls: CallsService,
    private readonly abandonedCalls: AbandonedCallsService,
    private readonly cases: CaseQueriesService,
    private readonly deadlines: DeadlinesService,
    private readonly reference: ReferenceDataService,
    private readonly knowledge: KnowledgeFiguresService,
    private readonly onlineIntake: OnlineIntakeService,
    private readonly clock: Clock,
  ) {}

  async today(scope: Scope): Promise<LiveFigures> {
    const asOf = this.clock.now();
    const day = localDate(asOf);
    const since = dayStart(day);
    const unit = scope.unitCode;
    // A unit's figures leave the centre's calls out: they are not the unit's.
    const [calls, intake, atRiskBy, overdue, answeredCases, usage, queue, callBacks, callBackQueue] = await Promise.all(
      [
        unit ? Promise.resolve([]) : this.calls.startedSinceByHotline(since),
        this.cases.intakeSince(since, unit),
        this.deadlines.atRiskByKind(asOf, unit),
        this.deadlines.breachedSince(since, unit),
        this.cases.answeredSince(since, unit),
        this.knowledge.usage(since, asOf, unit ?? null),
        unit ? Promise.resolve(NO_QUEUE) : this.onlineIntake.todayCounts(),
        unit ? Promise.resolve(NO_CALL_BACKS) : this.abandonedCalls.since(since),
        unit ? Promise.resolve({ open: 0, overdue: 0 }) : this.abandonedCalls.openCounts(),
      ],
    );
    const snapshot = await this.reference.snapshot();
    const hotlines = new Set([...calls.map((c) => c.hotline), ...intake.registeredByHotline.keys()]);
    const total = calls.reduce((sum, c) => sum + c.total, 0);
    const answered = calls.reduce((sum, c) => sum + c.answered, 0);
    return {
      day,
      asOf: asOf.toISOString(),
      calls: {
        total,
        answered,
        abandoned: calls.reduce((sum, c) => sum + c.abandoned, 0),
        answeredRate: total ? answered / total : null,
      },
      cases: {
        registered: [...intake.registeredByHotline.values()].reduce((a, b) => a + b, 0),
        open: intake.open,
        atRisk: Object.values(atRiskBy).reduce((a, b) => a + b, 0),
        overdue,
      },
      atRiskBy,
      byHotline: [...hotlines].sort().map((hotline) => {
        const c = calls.find((x) => x.hotline === hotline);
        return {
          hotline,
          name: snapshot.hotlines.get(hotline)?.name ?? hotline,
          calls: c?.total ?? 0,
          answered: c?.answered ?? 0,
          cases: intake.registeredByHotline.get(hotline) ?? 0,
        };
      }),
      knowledge: {
        answeredCases,
        answeredWithKnowledge: usage.answeredWithKnowledge,
        shareWithKnowledge: shareOf(usage.answeredWithKnowledge, answeredCases),
        mostUsed: usage.mostUsed,
        neverUsed: usage.neverUsed,
      },
      onlineIntake: { ...queue, decidedInTimeRate: shareOf(queue.decidedInTimeToday, queue.decidedToday) },
      callBacks: {
        abandoned: callBacks.abandoned,
        settled: callBacks.settled,
        ...callBackQueue,
        inTimeRate: shareOf(callBacks.inTime, callBacks.decided),
      },
    };
  }
}
