import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@hotline/config';
import { createCloudEvent, OutboxWriter, TOPICS } from '@hotline/messaging';
import type { Actor } from './domain/actor';
import { CaseEventEntity } from './entities/case-event.entity';
import type { CaseEntity } from './entities/case.entity';
import { caseEventType, CaseEventName } from './events/case-events';

export interface CaseChange {
  before?: object;
  after?: object;
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
  ) {}

  async record(
    tx: EntityManager,
    subject: Pick<CaseEntity, 'id' | 'caseNumber' | 'status'>,
    name: CaseEventName,
    actor: Actor,
    data: object = {},
    change: CaseChange = {},
    occurredAt: Date = new Date(),
  ): Promise<CaseEventEntity> {
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
    // The next seq is taken in the INSERT itself (one round trip); the case row lock, held by the
    // caller's update, keeps two writers from taking the same number.
    const [{ seq }]: { seq: number }[] = await tx.query(
      `INSERT INTO case_events (id, case_id, seq, type, occurred_at, actor_user_id, actor_role, actor_unit_code, before, after, data)
       SELECT $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10 FROM case_events WHERE case_id = $2
       RETURNING seq`,
      [
        event.id,
        subject.id,
        name,
        occurredAt,
        actor.userId,
        actor.role,
        actor.unitCode,
        change.before ?? null,
        change.after ?? null,
        data,
      ],
    );
    await this.outbox.append(tx, [{ topic: TOPICS.cases, key: subject.id, event }]);
    return tx.create(CaseEventEntity, {
      id: event.id,
      caseId: subject.id,
      seq,
      type: name,
      occurredAt,
      actorUserId: actor.userId,
      actorRole: actor.role,
      actorUnitCode: actor.unitCode,
      before: change.before ?? null,
      after: change.after ?? null,
      data,
    });
  }
}
