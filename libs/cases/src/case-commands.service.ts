import { Injectable } from '@nestjs/common';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { createCloudEvent, OutboxService, type OutgoingMessage, TOPICS } from '@hotline/messaging';
import { ClockChange, DeadlinesService } from '@hotline/sla';
import { CaseEventsRepository, NewCaseEventRow } from './case-events.repository';
import { CasesRepository } from './cases.repository';
import type { Actor } from './domain/actor';
import { type CaseAction, assertOpen, nextStatus } from './domain/case-lifecycle';
import { canSee } from './domain/case-scope';
import type { CaseStatus } from './domain/case-vocabulary';
import type { CaseEntity } from './entities/case.entity';
import { caseEventType, type CaseEventName } from './events/case.events';
import { unitNoticeMessages } from './unit-notice-messages';

type LifecycleStep = CaseAction | 'open' | 'any';

function isTransition(lifecycle: LifecycleStep): lifecycle is CaseAction {
  return lifecycle !== 'open' && lifecycle !== 'any';
}

/** One event of a command, before the kernel stamps it with the case, the actor and the time. */
export interface CaseEventDraft {
  name: CaseEventName;
  data?: object;
  change?: { before?: object; after?: object };
  /** Defaults to the command's time. */
  occurredAt?: Date;
}

/** What a command does to the case, decided from the locked case. */
export interface CaseDecision<R = void> {
  /** Versioned changes: the version goes up ({} still touches it, so a concurrent action conflicts). */
  update?: Partial<CaseEntity>;
  /** The system's own bookkeeping (a clock's side effect): the version stays. */
  bookkeeping?: Partial<CaseEntity>;
  clocks?: readonly ClockChange[];
  events: readonly CaseEventDraft[];
  result?: R;
}

export interface CaseCommand<R = void, A = void> {
  /**
   * The lifecycle step: an action of the table (docs/product.md, "Lifecycle"; the next status is
   * applied and handed to `decide`), `open` (any state that can still change) or `any` — or, where the
   * action depends on the locked case (a result goes to review or resolves by the case's policy), a
   * function choosing the action, called after `authorize`.
   */
  lifecycle: LifecycleStep | ((c: CaseEntity) => CaseAction | Promise<CaseAction>);
  /**
   * May this actor do this (e.g. does its unit hold the lead order)? Checked after the case is
   * known to be open and before the lifecycle step; what it returns reaches `decide`.
   */
  authorize?(c: CaseEntity): A | Promise<A>;
  /**
   * Set when the caller has already established the actor's right to act although the actor may
   * not see the case (a utility acknowledging a transfer addressed to it). Otherwise a handler must
   * see the case, or it answers 404.
   */
  authorizedByCaller?: true;
  /** Decides — and performs the command's writes outside `cases` — under the case's lock; null: nothing to do. */
  decide(
    c: CaseEntity,
    step: { next: CaseStatus | null; now: Date; authorized: A },
  ): CaseDecision<R> | null | Promise<CaseDecision<R> | null>;
}

export interface CaseCommandResult<R> {
  case: CaseEntity;
  result: R;
}

/**
 * The case-command kernel: every action on a case, from the api or a unit's system over Kafka,
 * runs through `run`. In one transaction it loads the case under its row lock, checks the actor
 * may see it (404 otherwise) and the lifecycle table, lets the command decide, applies the
 * versioned update and the clocks, and appends the events to the timeline and the outbox.
 */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly db: TransactionService,
    private readonly cases: CasesRepository,
    private readonly events: CaseEventsRepository,
    private readonly deadlines: DeadlinesService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  run<R = void, A = void>(caseId: string, actor: Actor, command: CaseCommand<R, A>): Promise<CaseCommandResult<R>> {
    return this.db.run(async () => {
      const c = await this.cases.lock(caseId);
      if (!command.authorizedByCaller && !canSee(actor, c)) {
        throw new DomainError('case.not_found', `Case ${caseId} not found`);
      }
      if (command.lifecycle !== 'any') assertOpen(c.status);
      const authorized = (command.authorize ? await command.authorize(c) : undefined) as A;
      const step = typeof command.lifecycle === 'function' ? await command.lifecycle(c) : command.lifecycle;
      const next = isTransition(step) ? nextStatus(c.status, step) : null;
      const now = this.clock.now();
      const decision = await command.decide(c, { next, now, authorized });
      if (!decision) return { case: c, result: undefined as R };
      const withStatus = next ? { ...decision, update: { ...decision.update, status: next } } : decision;
      const [applied] = await this.apply([{ c, decision: withStatus }], actor, now);
      return { case: applied, result: decision.result as R };
    });
  }

  /** A new case: inserted with its clocks and first events in the ambient transaction. */
  async open(row: CaseEntity, actor: Actor, decision: Omit<CaseDecision, 'update' | 'bookkeeping'>): Promise<void> {
    await this.db.run(async () => {
      await this.cases.insert(row);
      await this.apply([{ c: row, decision }], actor, row.registeredAt);
    });
  }

  /**
   * The system acting on many cases at once (the SLA sweep, supervision escalation): the cases are
   * locked in id order — waiting briefly for one a user's action holds — before `decideAll` claims
   * anything else, so every writer takes a case before the rows around it and none can deadlock
   * (docs/architecture.md, "Lock order"). `decideAll` decides for each case; every event is appended
   * in one statement.
   */
  runMany(
    caseIds: readonly string[],
    actor: Actor,
    decideAll: (locked: CaseEntity[], now: Date) => Promise<Map<string, CaseDecision>>,
  ): Promise<number> {
    return this.db.run(async () => {
      const locked = await this.cases.lockMany(caseIds);
      if (locked.length === 0) return 0;
      const now = this.clock.now();
      const decisions = await decideAll(locked, now);
      const work = locked.flatMap((c) => (decisions.has(c.id) ? [{ c, decision: decisions.get(c.id)! }] : []));
      await this.apply(work, actor, now);
      return work.length;
    });
  }

  private async apply(
    work: readonly { c: CaseEntity; decision: CaseDecision<unknown> }[],
    actor: Actor,
    now: Date,
  ): Promise<CaseEntity[]> {
    const applied: CaseEntity[] = [];
    for (const { c, decision } of work) {
      let current = decision.update ? await this.cases.update(c, decision.update) : c;
      if (decision.bookkeeping) {
        await this.cases.bookkeep(c.id, decision.bookkeeping);
        current = { ...current, ...decision.bookkeeping };
      }
      if (decision.clocks?.length) await this.deadlines.apply(c.id, decision.clocks);
      applied.push(current);
    }
    await this.record(
      work.flatMap(({ decision }, i) => decision.events.map((draft) => ({ subject: applied[i], draft }))),
      actor,
      now,
    );
    return applied;
  }

  /**
   * The timeline rows and their CloudEvents on `hotline.cases.v1`, in the order given, each followed
   * by the notices it gives the units it concerns.
   */
  private async record(
    entries: readonly { subject: CaseEntity; draft: CaseEventDraft }[],
    actor: Actor,
    now: Date,
  ): Promise<void> {
    if (entries.length === 0) return;
    const perCase = new Map<string, number>();
    const rows: NewCaseEventRow[] = [];
    const messages = entries.flatMap(({ subject, draft }): OutgoingMessage[] => {
      const ord = (perCase.get(subject.id) ?? 0) + 1;
      perCase.set(subject.id, ord);
      const occurredAt = draft.occurredAt ?? now;
      const data = draft.data ?? {};
      const event = createCloudEvent({
        type: caseEventType(draft.name),
        source: this.config.EVENT_SOURCE,
        subject: subject.id,
        time: occurredAt,
        data: {
          caseId: subject.id,
          caseNumber: subject.caseNumber,
          status: subject.status,
          actor: { userId: actor.userId, role: actor.role, unitCode: actor.unitCode },
          ...data,
          ...(draft.change?.before ? { before: draft.change.before } : {}),
          ...(draft.change?.after ? { after: draft.change.after } : {}),
        },
      });
      rows.push({
        id: event.id,
        caseId: subject.id,
        ord,
        type: draft.name,
        occurredAt,
        actorUserId: actor.userId,
        actorRole: actor.role,
        actorUnitCode: actor.unitCode,
        before: draft.change?.before ?? null,
        after: draft.change?.after ?? null,
        data,
      });
      return [
        { topic: TOPICS.cases, key: subject.id, event },
        ...unitNoticeMessages(subject, draft.name, data, actor.unitCode, event),
      ];
    });
    await this.events.append(rows);
    await this.outbox.append(messages);
  }
}
