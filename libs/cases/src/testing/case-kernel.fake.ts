import { Clock, instant } from '@hotline/clock';
import type { AppConfig } from '@hotline/config';
import type { TransactionService } from '@hotline/database';
import type { OutboxService, OutgoingMessage } from '@hotline/messaging';
import type { ClockChange, DeadlinesService } from '@hotline/sla';
import type { CaseEventsRepository, NewCaseEventRow } from '../case-events.repository';
import { CaseCommandsService } from '../case-commands.service';
import type { CasesRepository } from '../cases.repository';
import type { CaseEntity } from '../entities/case.entity';
import { InMemoryCasesRepository } from './in-memory-cases.repository';

/** A clock that says what the test tells it. */
export class FakeClock extends Clock {
  constructor(public at: Date = instant('2026-11-30T12:00:00+08:00')) {
    super();
  }

  now(): Date {
    return this.at;
  }
}

/** `run` just runs: a unit spec has no database, every write goes to the fakes at once. */
export const NO_TRANSACTION = {
  run: <T>(work: () => Promise<T>) => work(),
  inTransaction: true,
} as unknown as TransactionService;

/**
 * The real case-command kernel over in-memory fakes: the cases, the timeline rows it appends, the
 * clock changes it asks the SLA library for, and the outbox messages it writes. What a service spec
 * asserts on: what its commands did to the case, not how.
 */
export function fakeCaseKernel(clock = new FakeClock()) {
  const cases = new InMemoryCasesRepository();
  const timeline: NewCaseEventRow[] = [];
  const clocks: { caseId: string; change: ClockChange }[] = [];
  const outbox: OutgoingMessage[] = [];
  const commands = new CaseCommandsService(
    NO_TRANSACTION,
    cases as unknown as CasesRepository,
    { append: async (rows: NewCaseEventRow[]) => void timeline.push(...rows) } as unknown as CaseEventsRepository,
    {
      apply: async (caseId: string, changes: readonly ClockChange[]) =>
        void clocks.push(...changes.map((change) => ({ caseId, change }))),
    } as unknown as DeadlinesService,
    { append: async (messages: OutgoingMessage[]) => void outbox.push(...messages) } as unknown as OutboxService,
    { EVENT_SOURCE: '/test' } as AppConfig,
    clock,
  );
  return {
    commands,
    cases,
    clock,
    outbox,
    /** Seeds a case as it stands in the table. */
    given(c: CaseEntity): CaseEntity {
      cases.rows.set(c.id, { ...c });
      return c;
    },
    /** The case as it is stored now. */
    stored(id: string): CaseEntity {
      return cases.rows.get(id)!;
    },
    /** The case's timeline types, in order. */
    types(caseId: string): string[] {
      return timeline.filter((e) => e.caseId === caseId).map((e) => e.type);
    },
    /** The case's events of one type. */
    events(caseId: string, type: string): NewCaseEventRow[] {
      return timeline.filter((e) => e.caseId === caseId && e.type === type);
    },
    /** The clock changes asked for the case, as `meet:sign`, `start:callback` … */
    clockChanges(caseId: string): string[] {
      return clocks
        .filter((c) => c.caseId === caseId)
        .flatMap(({ change }) =>
          'start' in change
            ? [`start:${change.start.kind}`]
            : 'meet' in change
              ? change.meet.map((k) => `meet:${k}`)
              : change.cancel.map((k) => `cancel:${k}`),
        );
    },
  };
}

export type FakeCaseKernel = ReturnType<typeof fakeCaseKernel>;
