import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule, TransactionService } from '@hotline/database';
import { DirectoryModule } from '@hotline/directory';
import {
  FactEvent,
  GroupBy,
  GROUP_BYS,
  KpiModule,
  KpiProjectionService,
  KpiRebuildService,
  KpiReportsService,
  METRICS,
  Metric,
} from '@hotline/kpi';
import { ObservabilityModule } from '@hotline/observability';
import { localDate } from '@hotline/clock';
import { REQUESTER_KINDS, type RequesterKind } from '@hotline/cases';

const H = 3_600_000;
const BASE = Date.parse('2026-03-02T00:00:00+08:00');
const NOW = new Date(BASE + 8 * 24 * H);
const UNITS = ['110105001', '110105002', '110108001', 'UTIL-WATER'];

/** One case's history, as a telephony-to-callback story with random branches and random timing. */
const caseHistory = fc
  .record({
    firstCall: fc.constantFrom(true, true, true, true, false),
    t0: fc.integer({ min: 0, max: 10 * 24 }),
    dispatchWithin: fc.constantFrom(1, 2, 24),
    path: fc.constantFrom('answered', 'transferred', 'waiting', 'dispatched', 'dispatched', 'dispatched'),
    dispatchAfter: fc.integer({ min: 0, max: 48 }),
    unit: fc.constantFrom(...UNITS),
    otherUnit: fc.constantFrom(...UNITS),
    street: fc.constantFrom('110105001', '110105002', null),
    hotline: fc.constantFrom('12345', '12319', '96116'),
    category: fc.constantFrom('010101', '030101', '050101'),
    // An event from before the enterprise channel names no requester kind: a citizen's.
    requester: fc.constantFrom('citizen', 'enterprise', undefined),
    ret: fc.constantFrom('none', 'none', 'pending', 'approved', 'rejected'),
    respondWithin: fc.constantFrom(1, 2, 24),
    respondAfter: fc.option(fc.integer({ min: 0, max: 48 })),
    resolveAfter: fc.option(fc.integer({ min: 1, max: 120 })),
    breachResolve: fc.boolean(),
    callbackAfter: fc.option(fc.integer({ min: 0, max: 96 })),
    callback: fc.constantFrom('satisfied', 'satisfied', 'unsatisfied', 'unreachable'),
    extended: fc.boolean(),
    repeats: fc.integer({ min: 0, max: 2 }),
    unreasonable: fc.constantFrom(false, false, false, false, false, true),
    triggerAfter: fc.option(fc.integer({ min: 0, max: 100 })),
    superviseAfter: fc.option(fc.integer({ min: 0, max: 48 })),
    // The centre corrects the case soon after registration: its place, its category, or its urgency (a new dispatch deadline).
    correction: fc.constantFrom('none', 'none', 'place', 'category', 'urgency'),
  })
  .map((h) => {
    const id = randomUUID();
    const at = (hours: number) => new Date(BASE + hours * H);
    const events: FactEvent[] = [];
    const push = (name: string, hours: number, data: Record<string, unknown> = {}) =>
      events.push({ name, time: at(hours), caseId: id, caseNumber: `P-${id.slice(0, 8)}`, data });
    push('registered', h.t0, {
      firstCall: h.firstCall,
      sourceHotline: h.hotline,
      categoryCode: h.category,
      districtCode: '110105',
      streetCode: h.street,
      ...(h.requester ? { requesterKind: h.requester } : {}),
      deadlines: { dispatch: at(h.t0 + h.dispatchWithin).toISOString() },
    });
    const correctedAt = h.t0 + 0.05;
    const firstDispatchAt = h.t0 + h.dispatchAfter * 0.1 * h.dispatchWithin;
    const dispatchClockRunning = h.path === 'waiting' || (h.path === 'dispatched' && firstDispatchAt > correctedAt);
    const correction: Record<string, Record<string, unknown> | null> = {
      none: null,
      place: { districtCode: '110108', streetCode: null },
      category: { categoryCode: '030101' },
      urgency: dispatchClockRunning ? { dispatchDueAt: at(h.t0 + 2 * h.dispatchWithin).toISOString() } : null,
    };
    const corrected = correction[h.correction];
    if (corrected && h.path !== 'answered' && h.path !== 'transferred') {
      push('corrected', correctedAt, { reason: '更正', fields: Object.keys(corrected), after: corrected });
    }
    // Repeat calls on the open case: events of their own that no metric counts.
    for (let r = 1; r <= h.repeats; r++) push('merged', h.t0 + r * 0.3, { callId: randomUUID() });
    if (h.path === 'answered' || h.path === 'transferred') push(h.path, h.t0 + 0.1);
    if (h.path === 'dispatched') {
      let d = h.t0 + h.dispatchAfter * 0.1 * h.dispatchWithin;
      const dispatch = (t: number, unit: string, no: number) =>
        push('dispatched', t, {
          dispatchNo: no,
          leadUnitCode: unit,
          deadlines: { response: at(t + h.respondWithin).toISOString(), resolve: at(t + 168).toISOString() },
        });
      dispatch(d, h.unit, 1);
      if (h.ret !== 'none') push('return_requested', d + 0.5, { dispatchNo: 1 });
      if (h.ret === 'approved' || h.ret === 'rejected')
        push('return_reviewed', d + 1, { dispatchNo: 1, approved: h.ret === 'approved' });
      if (h.ret === 'approved') {
        d += 2;
        dispatch(d, h.otherUnit, 2);
      }
      let last = d + 1;
      // An approved extension moves the resolve deadline (and so when a breach would come).
      const resolveDue = h.extended ? d + 168 + 72 : d + 168;
      if (h.extended) {
        push('extension_requested', d + 1, { days: 3 });
        push('extension_reviewed', d + 1.5, { approved: true });
        push('deadline_changed', d + 1.5, {
          deadline: 'resolve',
          after: { resolveDueAt: at(resolveDue).toISOString() },
        });
      }
      if (h.respondAfter !== null) push('responded', (last = d + h.respondAfter * 0.05 * h.respondWithin + 0.01));
      if (h.resolveAfter !== null) {
        const r = Math.max(last, d) + h.resolveAfter;
        push('resolved', (last = r), { callbackDueAt: at(r + 48).toISOString() });
      } else if (h.breachResolve) {
        push('sla_breached', (last = resolveDue), {
          kind: 'resolve',
          callbackDueAt: at(resolveDue + 48).toISOString(),
        });
      }
      if (h.unreasonable) push('marked_unreasonable', (last += 0.1));
      if (h.callbackAfter !== null && (h.resolveAfter !== null || h.breachResolve)) {
        const c = last + h.callbackAfter;
        if (h.callback === 'unreachable') push('closed', c, { reason: 'unreachable' });
        else {
          const satisfied = h.callback === 'satisfied';
          push('callback_recorded', c, { reached: true, solved: satisfied, satisfaction: h.callback });
          // An unsolved demand is reopened (and triggers supervision, drawn below).
          if (!satisfied) push('reopened', c + 0.1);
        }
      }
    }
    if (h.triggerAfter !== null) {
      const t = h.t0 + h.triggerAfter;
      push('supervision_triggered', t);
      if (h.superviseAfter !== null) push('supervision_issued', t + h.superviseAfter * 0.75);
    }
    // History stops at "now"; events arrive in time order.
    return events.filter((e) => e.time <= NOW).sort((a, b) => a.time.getTime() - b.time.getTime());
  });

/**
 * The independent, straightforward computation: each metric of docs/kpi.md read directly off a case's
 * event list, with no facts, no rollups and no SQL.
 */
function independent(
  histories: FactEvent[][],
  from: string,
  to: string,
  groupBy: GroupBy,
  requesterKind: RequesterKind | undefined,
) {
  const out = new Map<string, Record<Metric, { hit: number; miss: number; pending: number }>>();
  const count = (key: string, metric: Metric, outcome: 'hit' | 'miss' | 'pending') => {
    const row =
      out.get(key) ??
      (Object.fromEntries(METRICS.map((m) => [m, { hit: 0, miss: 0, pending: 0 }])) as Record<
        Metric,
        { hit: number; miss: number; pending: number }
      >);
    row[metric][outcome] += 1;
    out.set(key, row);
  };
  const byDeadline = (due: Date, done: Date | undefined) =>
    done ? (done <= due ? 'hit' : 'miss') : NOW < due ? 'pending' : 'miss';
  for (const events of histories) {
    const reg = events[0];
    if (!reg || reg.data.firstCall === false) continue; // registered after "now", or not a first call
    const kind = reg.data.requesterKind === 'enterprise' ? 'enterprise' : 'citizen';
    if (requesterKind && kind !== requesterKind) continue;
    const named = (n: string) => events.filter((e) => e.name === n);
    const dispatches = named('dispatched');
    // What the registration said, as the centre last corrected it.
    const place = named('corrected').reduce((p, e) => ({ ...p, ...(e.data.after as Record<string, unknown>) }), {
      ...reg.data,
    } as Record<string, unknown>);
    const keyOf = (cohortAt: Date) => {
      const unit = (dispatches.at(-1)?.data.leadUnitCode as string | undefined) ?? '-';
      const keys: Record<GroupBy, string> = {
        unit,
        district: place.districtCode as string,
        street: (place.streetCode as string | null) ?? '-',
        hotline: reg.data.sourceHotline as string,
        category: (place.categoryCode as string).slice(0, 2),
        day: localDate(cohortAt),
        requesterKind: kind,
      };
      return keys[groupBy];
    };
    const consider = (metric: Metric, cohortAt: Date, outcome: 'hit' | 'miss' | 'pending') => {
      const day = localDate(cohortAt);
      if (day >= from && day < to) count(keyOf(cohortAt), metric, outcome);
    };
    if (!named('answered').length && !named('transferred').length) {
      const due = new Date(
        (place.dispatchDueAt as string | undefined) ?? (reg.data.deadlines as { dispatch: string }).dispatch,
      );
      consider('onTimeDispatch', due, byDeadline(due, dispatches[0]?.time));
    }
    if (dispatches.length) {
      const requested = events.some((e) => e.name === 'return_requested' && e.data.dispatchNo === 1);
      const review = events.find((e) => e.name === 'return_reviewed' && e.data.dispatchNo === 1);
      consider(
        'dispatchAccuracy',
        dispatches[0].time,
        review?.data.approved === true ? 'miss' : requested && !review ? 'pending' : 'hit',
      );
      const lastDispatch = dispatches.at(-1)!;
      const responseDue = new Date((lastDispatch.data.deadlines as { response: string }).response);
      consider(
        'timelyResponse',
        responseDue,
        byDeadline(responseDue, events.find((e) => e.name === 'responded' && e.time >= lastDispatch.time)?.time),
      );
    }
    if (!named('marked_unreasonable').length) {
      const resolved = named('resolved').at(-1);
      const breach = named('sla_breached').find((e) => e.data.kind === 'resolve');
      const due = resolved
        ? new Date(resolved.data.callbackDueAt as string)
        : breach
          ? new Date(breach.data.callbackDueAt as string)
          : null;
      if (due) {
        const after = resolved?.time ?? new Date(0);
        const done = events.find(
          (e) =>
            e.time >= after &&
            ((e.name === 'callback_recorded' && e.data.reached === true) ||
              (e.name === 'closed' && e.data.reason === 'unreachable')),
        );
        consider('reasonableCallback', due, byDeadline(due, done?.time));
      }
    }
    const trigger = named('supervision_triggered')[0];
    if (trigger) {
      const due = new Date(trigger.time.getTime() + 24 * H);
      consider(
        'trackedSupervision',
        due,
        byDeadline(due, events.find((e) => e.name === 'supervision_issued' && e.time >= trigger.time)?.time),
      );
    }
  }
  return [...out.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([groupKey, row]) => ({
      groupKey,
      ...Object.fromEntries(
        METRICS.map((m) => {
          const { hit, miss, pending } = row[m];
          return [
            m,
            { rate: hit + miss === 0 ? null : hit / (hit + miss), numerator: hit, denominator: hit + miss, pending },
          ];
        }),
      ),
    }));
}

async function* iterate(events: FactEvent[]): AsyncIterable<FactEvent> {
  yield* events;
}

describe('KPI projection (property): rollups + facts answer exactly what a plain reading of the event log says', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  let projection: KpiProjectionService;
  let queries: KpiReportsService;
  let transactions: TransactionService;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule,
        ClockModule,
        ObservabilityModule.forRoot('worker'),
        DatabaseModule.forRoot('test-kpi'),
        DirectoryModule,
        KpiModule,
      ],
    }).compile();
    app = await moduleRef.createNestApplication().init();
    db = app.get(DataSource);
    projection = app.get(KpiProjectionService);
    queries = app.get(KpiReportsService);
    transactions = app.get(TransactionService);
  });
  afterAll(() => app?.close());

  it('for random case histories, periods and groupings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseHistory, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: -2, max: 10 }),
        fc.integer({ min: 1, max: 14 }),
        fc.constantFrom(...GROUP_BYS),
        fc.constantFrom(undefined, ...REQUESTER_KINDS),
        async (histories, startDay, days, groupBy, requesterKind) => {
          await db.query('DELETE FROM kpi_case_facts');
          await db.query('DELETE FROM kpi_rollups');
          for (const events of histories) {
            for (const event of events) await transactions.run(() => projection.apply(event));
          }
          const from = localDate(new Date(BASE + startDay * 24 * H));
          const to = localDate(new Date(BASE + (startDay + days) * 24 * H));
          const actual = (await queries.fiveRates({ from, to }, groupBy, { requesterKind }, NOW)).map(
            ({ groupName: _name, ...row }) => row,
          );
          expect(actual).toEqual(independent(histories, from, to, groupBy, requesterKind));

          // Rebuilt from scratch out of the same events: the very same rollups.
          const snapshot = () =>
            db.query(
              `SELECT * FROM kpi_rollups WHERE hit + miss + pending + open <> 0
                ORDER BY group_kind, day, metric, group_key, requester_kind`,
            );
          const live = await snapshot();
          await app.get(KpiRebuildService).rebuildFrom(iterate(histories.flat()));
          expect(await snapshot()).toEqual(live);
        },
      ),
      { numRuns: 40, seed: Number(process.env.FC_SEED ?? Date.now() % 100000) },
    );
  });
});
