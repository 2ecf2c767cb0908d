import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReferenceCache } from '@hotline/directory';
import { Clock, dayStart, localDate } from '@hotline/clock';
import type { Scope } from './domain/report-request';

export interface LiveFigures {
  day: string;
  asOf: string;
  calls: { total: number; answered: number; abandoned: number; answeredRate: number | null };
  cases: { registered: number; open: number; atRisk: number; overdue: number };
  /** Running deadlines past their warning point (75%), by kind: what needs doing now. */
  atRiskBy: Record<string, number>;
  byHotline: { hotline: string; name: string; calls: number; answered: number; cases: number }[];
}

/** Today on the floor (SPEC §7 GET /kpi/live), from the operational tables through their indexes. */
@Injectable()
export class LiveFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reference: ReferenceCache,
    private readonly clock: Clock,
  ) {}

  async today(scope: Scope): Promise<LiveFigures> {
    const asOf = this.clock.now();
    const day = localDate(asOf);
    const since = dayStart(day);
    const unit = scope.unitCode;
    const [calls, cases, open, atRisk, overdue] = (await Promise.all([
      unit
        ? Promise.resolve([])
        : this.dataSource.query(
            `SELECT source_hotline_code AS hotline, count(*) AS total, count(answered_at) AS answered, count(abandoned_at) AS abandoned
               FROM calls WHERE started_at >= $1 GROUP BY 1`,
            [since],
          ),
      this.dataSource.query(
        `SELECT source_hotline_code AS hotline, count(*) AS n FROM cases WHERE registered_at >= $1 ${unit ? 'AND lead_unit_code = $2' : ''} GROUP BY 1`,
        [since, ...(unit ? [unit] : [])],
      ),
      this.dataSource.query(
        `SELECT count(*) AS n FROM cases WHERE status NOT IN ('answered', 'transferred', 'closed') ${unit ? 'AND lead_unit_code = $1' : ''}`,
        unit ? [unit] : [],
      ),
      this.dataSource.query(
        `SELECT kind, count(*) AS n FROM case_deadlines
          WHERE status = 'open' AND warned_at IS NOT NULL AND due_at > $1 ${unit ? 'AND unit_code = $2' : ''} GROUP BY 1`,
        [asOf, ...(unit ? [unit] : [])],
      ),
      this.dataSource.query(
        `SELECT count(*) AS n FROM case_deadlines WHERE status = 'breached' AND ended_at >= $1 ${unit ? 'AND unit_code = $2' : ''}`,
        [since, ...(unit ? [unit] : [])],
      ),
    ])) as [
      { hotline: string; total: string; answered: string; abandoned: string }[],
      { hotline: string; n: string }[],
      { n: string }[],
      { kind: string; n: string }[],
      { n: string }[],
    ];
    const snapshot = await this.reference.snapshot();
    const hotlines = new Set([...calls.map((c) => c.hotline), ...cases.map((c) => c.hotline)]);
    const total = calls.reduce((sum, c) => sum + Number(c.total), 0);
    const answered = calls.reduce((sum, c) => sum + Number(c.answered), 0);
    const atRiskBy = Object.fromEntries(atRisk.map((r) => [r.kind, Number(r.n)]));
    return {
      day,
      asOf: asOf.toISOString(),
      calls: {
        total,
        answered,
        abandoned: calls.reduce((sum, c) => sum + Number(c.abandoned), 0),
        answeredRate: total ? answered / total : null,
      },
      cases: {
        registered: cases.reduce((sum, c) => sum + Number(c.n), 0),
        open: Number(open[0]?.n ?? 0),
        atRisk: Object.values(atRiskBy).reduce((a, b) => a + b, 0),
        overdue: Number(overdue[0]?.n ?? 0),
      },
      atRiskBy,
      byHotline: [...hotlines].sort().map((hotline) => {
        const c = calls.find((x) => x.hotline === hotline);
        return {
          hotline,
          name: snapshot.hotlines.get(hotline)?.name ?? hotline,
          calls: Number(c?.total ?? 0),
          answered: Number(c?.answered ?? 0),
          cases: Number(cases.find((x) => x.hotline === hotline)?.n ?? 0),
        };
      }),
    };
  }
}
