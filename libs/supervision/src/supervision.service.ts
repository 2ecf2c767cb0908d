import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { addMs, Clock, HOUR_MS } from '@hotline/clock';
import { DomainError, Page } from '@hotline/core';
import { Actor, CaseEventRecorder, CaseScope, CaseStore, SYSTEM_ACTOR } from '@hotline/cases';
import { escalate, SUPERVISION_REPLY_HOURS, SupervisionLevel } from './domain/supervision-levels';
import { SupervisionEntity } from './entities/supervision.entity';

export interface SupervisionFilter {
  status?: SupervisionEntity['status'];
  level?: SupervisionLevel;
  caseId?: string;
  unitCode?: string;
  limit: number;
  offset: number;
}

export interface TriggerEvent {
  eventId: string;
  caseId: string;
  trigger: string;
  occurredAt: Date;
  detail: string;
}

/**
 * 督办 orders (SPEC §4–5): issued automatically on every trigger (a missed deadline, an unsolved
 * or unsatisfied callback, the 2nd repeat call) and by supervisors by hand; the unit replies; an
 * order not answered in time escalates a level; a supervisor closes it.
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly scope: CaseScope,
    private readonly events: CaseEventRecorder,
    private readonly clock: Clock,
  ) {}

  /** One order per trigger event: a redelivered trigger changes nothing. */
  async issueForTrigger(tx: EntityManager, trigger: TriggerEvent): Promise<SupervisionEntity | null> {
    const exists = await tx.existsBy(SupervisionEntity, { triggerEventId: trigger.eventId });
    if (exists) return null;
    return this.issue(
      tx,
      trigger.caseId,
      {
        level: 'urge',
        note: `自动督办：${trigger.detail}`,
        trigger: trigger.trigger,
        triggerEventId: trigger.eventId,
        triggeredAt: trigger.occurredAt,
      },
      SYSTEM_ACTOR,
    );
  }

  issueByHand(
    caseId: string,
    level: SupervisionLevel,
    note: string,
    dueAt: Date | undefined,
    actor: Actor,
  ): Promise<SupervisionEntity> {
    return this.dataSource.transaction((tx) =>
      this.issue(tx, caseId, { level, note, trigger: 'manual', dueAt }, actor),
    );
  }

  async reply(id: string, reply: string, actor: Actor): Promise<SupervisionEntity> {
    return this.dataSource.transaction(async (tx) => {
      const order = await this.visible(tx, id, actor);
      if (actor.role === 'handler' && actor.unitCode !== order.unitCode)
        throw new DomainError('FORBIDDEN', 'The order is addressed to another unit');
      if (order.status !== 'open') throw new DomainError('STATE_CONFLICT', `The order is already ${order.status}`);
      const repliedAt = this.clock.now();
      await tx.update(SupervisionEntity, { id }, { status: 'replied', reply, repliedAt });
      await this.events.record(tx, await this.store.lock(tx, order.caseId), 'supervision_replied', actor, {
        supervisionId: id,
        reply,
      });
      return { ...order, status: 'replied', reply, repliedAt };
    });
  }

  async close(id: string, actor: Actor): Promise<SupervisionEntity> {
    return this.dataSource.transaction(async (tx) => {
      const order = await this.visible(tx, id, actor);
      if (order.status === 'closed') throw new DomainError('STATE_CONFLICT', 'The order is already closed');
      const closedAt = this.clock.now();
      await tx.update(SupervisionEntity, { id }, { status: 'closed', closedAt });
      await this.events.record(tx, await this.store.lock(tx, order.caseId), 'supervision_closed', actor, {
        supervisionId: id,
      });
      return { ...order, status: 'closed', closedAt };
    });
  }

  async list(filter: SupervisionFilter, viewer: Actor): Promise<Page<SupervisionEntity>> {
    const query = this.dataSource.getRepository(SupervisionEntity).createQueryBuilder('s');
    if (this.scope.isUnitScoped(viewer)) query.andWhere('s.unitCode = :own', { own: viewer.unitCode });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.level) query.andWhere('s.level = :level', { level: filter.level });
    if (filter.caseId) query.andWhere('s.caseId = :caseId', { caseId: filter.caseId });
    if (filter.unitCode) query.andWhere('s.unitCode = :unit', { unit: filter.unitCode });
    const [items, total] = await query
      .orderBy('s.issuedAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Open orders past their due time go up a level with a new, shorter due time. Returns how many. */
  async escalateOverdue(limit: number): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const due: SupervisionEntity[] = await tx
        .createQueryBuilder(SupervisionEntity, 's')
        .where(`s.status = 'open' AND s.dueAt <= :now`, { now })
        .orderBy('s.dueAt')
        .take(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const order of due) {
        const level = escalate(order.level);
        const dueAt = addMs(now, SUPERVISION_REPLY_HOURS[level] * HOUR_MS);
        await tx.update(SupervisionEntity, { id: order.id }, { level, dueAt, escalations: order.escalations + 1 });
        await this.events.record(tx, await this.store.lock(tx, order.caseId), 'supervision_escalated', SYSTEM_ACTOR, {
          supervisionId: order.id,
          from: order.level,
          to: level,
          dueAt: dueAt.toISOString(),
        });
      }
      return due.length;
    });
  }

  private async issue(
    tx: EntityManager,
    caseId: string,
    order: {
      level: SupervisionLevel;
      note: string;
      trigger: string;
      triggerEventId?: string;
      triggeredAt?: Date;
      dueAt?: Date;
    },
    actor: Actor,
  ): Promise<SupervisionEntity> {
    // The case's row lock: its events are numbered under it.
    const c = await this.store.lock(tx, caseId);
    const issuedAt = this.clock.now();
    const row = await tx.save(
      tx.create(SupervisionEntity, {
        caseId,
        unitCode: c.leadUnitCode,
        level: order.level,
        trigger: order.trigger,
        triggerEventId: order.triggerEventId ?? null,
        triggeredAt: order.triggeredAt ?? issuedAt,
        note: order.note,
        dueAt: order.dueAt ?? addMs(issuedAt, SUPERVISION_REPLY_HOURS[order.level] * HOUR_MS),
        issuedBy: actor.userId,
        issuedAt,
      }),
    );
    await this.events.record(tx, c, 'supervision_issued', actor, {
      supervisionId: row.id,
      level: row.level,
      trigger: row.trigger,
      triggerEventId: row.triggerEventId,
      unitCode: row.unitCode,
      dueAt: row.dueAt.toISOString(),
    });
    return row;
  }

  private async visible(tx: EntityManager, id: string, viewer: Actor): Promise<SupervisionEntity> {
    const order = await tx.findOneBy(SupervisionEntity, { id });
    if (!order || (this.scope.isUnitScoped(viewer) && order.unitCode !== viewer.unitCode))
      throw DomainError.notFound('Supervision', id);
    return order;
  }
}
