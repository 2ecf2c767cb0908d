import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { createCloudEvent, OutboxWriter, TOPICS } from '@hotline/messaging';
import type { Actor } from './domain/actor';
import type { CaseEntity } from './entities/case.entity';
import { caseEventType, CaseEventName } from './events/case-events';

export interface CaseChange {
  before?: object;
  after?: object;
}

export type CaseSubject = Pick<CaseEntity, 'id' | 'caseNumber' | 'status'>;

export interface NewCaseEvent {
  subject: CaseSubject;
  name: CaseEventName;
  actor: Actor;
  data?: object;
  change?: CaseChange;
  occurredAt?: Date;
}

/**
 * Appends a case event (the immutable timeline) and publishes it through the outbox, in the
 * caller's transaction. Call it after the case row is updated: the row lock orders a case's events.
 * Events carry no caller identity: they travel on a topic many systems read.
 */
@Injectable()
export class CaseEventRecorder {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(
    tx: EntityManager,
    subject: CaseSubject,
    name: CaseEventName,
    actor: Actor,
    data: object = {},
    change: CaseChange = {},
    occurredAt: Date = this.clock.now(),
  ): Promise<void> {
    await this.recordMany(tx, [{ subject, name, actor, data, change, occurredAt }]);
  }

  /**
   * Appends many events in two statements (the events, then their outbox messages), whatever their
   * number: the SLA sweep raises hundreds at a time. Each case's events are numbered on from its
   * last seq, in the order given; the callers hold the cases' row locks, so no two writers take the
   * same numbers.
   */
  async recordMany(tx: EntityManager, entries: readonly NewCaseEvent[]): Promise<void> {
    if (entries.length === 0) return;
    const perCase = new Map<string, number>();
    const now = this.clock.now();
    const rows = entries.map(({ subject, name, actor, data = {}, change = {}, occurredAt = now }) => {
      const ord = (perCase.get(subject.id) ?? 0) + 1;
      perCase.set(subject.id, ord);
      const event = createCloudEvent({
        type: caseEventType(name),
        source: this.config.EVENT_SOURCE,
        subject: subject.id,
        time: occurredAt,
        data: {
          caseId: subject.id,
          caseNumber: subject.caseNumber,
          status: subject.status,
          actor: { userId: actor.userId, role: actor.role, unitCode: actor.unitCode },
          ...data,
          ...(change.before ? { before: change.before } : {}),
          ...(change.after ? { after: change.after } : {}),
        },
      });
      const row = {
        id: event.id,
        case_id: subject.id,
        ord,
        type: name,
        occurred_at: occurredAt.toISOString(),
        actor_user_id: actor.userId,
        actor_role: actor.role,
        actor_unit_code: actor.unitCode,
        before: change.before ?? null,
        after: change.after ?? null,
        data,
      };
      return { row, message: { topic: TOPICS.cases, key: subject.id, event } };
    });
    await tx.query(
      `INSERT INTO case_events (id, case_id, seq, type, occurred_at, actor_user_id, actor_role, actor_unit_code, before, after, data)
       SELECT v.id, v.case_id, coalesce(m.last, 0) + v.ord, v.type, v.occurred_at, v.actor_user_id, v.actor_role,
              v.actor_unit_code, v.before, v.after, v.data
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, case_id uuid, ord int, type text, occurred_at timestamptz,
              actor_user_id uuid, actor_role text, actor_unit_code text, before jsonb, after jsonb, data jsonb)
         LEFT JOIN LATERAL (SELECT max(seq) AS last FROM case_events e WHERE e.case_id = v.case_id) m ON true`,
      [JSON.stringify(rows.map((r) => r.row))],
    );
    await this.outbox.append(
      tx,
      rows.map((r) => r.message),
    );
  }
}
