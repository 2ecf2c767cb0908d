import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CaseCommandsService,
  type CaseDecision,
  type CaseEntity,
  isUnitScoped,
  SYSTEM_ACTOR,
} from '@hotline/cases';
import { Clock } from '@hotline/clock';
import { DomainError, Page } from '@hotline/core';
import { escalate, highestLevel, SupervisionLevel } from './domain/supervision-levels';
import { addresseeOf, assertCanClose, assertCanReply, replyDueAt } from './domain/supervision-rules';
import type { SupervisionEntity } from './entities/supervision.entity';
import { SupervisionFilter, SupervisionsRepository } from './supervisions.repository';

export type { SupervisionFilter } from './supervisions.repository';

export interface TriggerEvent {
  eventId: string;
  caseId: string;
  trigger: string;
  /** The unit whose clock was missed, for a missed deadline. */
  unitCode?: string | null;
  occurredAt: Date;
  detail: string;
}

interface NewOrder {
  level: SupervisionLevel;
  /** Defaults to the case's lead unit. */
  unitCode?: string | null;
  note: string;
  trigger: string;
  triggerEventId?: string;
  triggeredAt?: Date;
  dueAt?: Date;
}

/**
 * 督办 orders (docs/product.md, "Supervision"): issued automatically on every trigger (a missed
 * deadline, an unsolved or unsatisfied callback, the 2nd repeat call) and by supervisors by hand;
 * the unit replies; an order not answered in time escalates a level; a supervisor closes it.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly commands: CaseCommandsService,
    private readonly supervisions: SupervisionsRepository,
    private readonly clock: Clock,
  ) {}

  /** One order per trigger event: a redelivered trigger changes nothing. */
  async issueForTrigger(trigger: TriggerEvent): Promise<SupervisionEntity | null> {
    const { result } = await this.commands.run(trigger.caseId, SYSTEM_ACTOR, {
      lifecycle: 'any',
      decide: async (c, { now }) => {
        if (await this.supervisions.existsForTrigger(trigger.eventId)) return null;
        return this.issue(c, now, SYSTEM_ACTOR, {
          level: 'urge',
          note: `自动督办：${trigger.detail}`,
          trigger: trigger.trigger,
          triggerEventId: trigger.eventId,
          triggeredAt: trigger.occurredAt,
          unitCode: addresseeOf(trigger.unitCode, c),
        });
      },
    });
    return result ?? null;
  }

  async issueByHand(
    caseId: string,
    level: SupervisionLevel,
    note: string,
    dueAt: Date | undefined,
    actor: Actor,
  ): Promise<SupervisionEntity> {
    const { result } = await this.commands.run(caseId, actor, {
      lifecycle: 'any',
      decide: (c, { now }) => this.issue(c, now, actor, { level, note, trigger: 'manual', dueAt }),
    });
    return result;
  }

  async reply(id: string, reply: string, actor: Actor): Promise<SupervisionEntity> {
    return this.onOrder(id, actor, async (order, now) => {
      assertCanReply(order, actor);
      await this.supervisions.update(id, { status: 'replied', reply, repliedAt: now });
      return {
        events: [{ name: 'supervision_replied', data: { supervisionId: id, reply } }],
        result: { ...order, status: 'replied', reply, repliedAt: now },
      };
    });
  }

  async close(id: string, actor: Actor): Promise<SupervisionEntity> {
    return this.onOrder(id, actor, async (order, now) => {
      assertCanClose(order);
      await this.supervisions.update(id, { status: 'closed', closedAt: now });
      return {
        events: [
          {
            name: 'supervision_closed',
            data: { supervisionId: id, unitCode: order.unitCode, standingLevel: await this.standingLevel(order) },
          },
        ],
        result: { ...order, status: 'closed', closedAt: now },
      };
    });
  }

  list(filter: SupervisionFilter, viewer: Actor): Promise<Page<SupervisionEntity>> {
    return this.supervisions.list(filter, isUnitScoped(viewer) ? (viewer.unitCode ?? '') : null);
  }

  /** Open orders past their due time go up a level with a new, shorter due time. Returns how many. */
  async escalateOverdue(limit: number): Promise<number> {
    const caseIds = await this.supervisions.overdueCaseIds(this.clock.now(), limit);
    let escalated = 0;
    await this.commands.runMany(caseIds, SYSTEM_ACTOR, async (locked, now) => {
      const decisions = new Map<string, CaseDecision>();
      for (const order of await this.supervisions.lockOverdue(
        locked.map((c) => c.id),
        now,
      )) {
        const level = escalate(order.level);
        const dueAt = replyDueAt(level, now);
        await this.supervisions.update(order.id, { level, dueAt, escalations: order.escalations + 1 });
        const decision = decisions.get(order.caseId) ?? { events: [] };
        decisions.set(order.caseId, {
          events: [
            ...decision.events,
            {
              name: 'supervision_escalated',
              data: {
                supervisionId: order.id,
                unitCode: order.unitCode,
                from: order.level,
                to: level,
                dueAt: dueAt.toISOString(),
                standingLevel: await this.standingLevel(order),
              },
            },
          ],
        });
        escalated++;
      }
      return decisions;
    });
    return escalated;
  }

  /** What the unit's inbox shows once this step is written: the highest level still standing on the case. */
  private async standingLevel(order: Pick<SupervisionEntity, 'caseId' | 'unitCode'>): Promise<SupervisionLevel | null> {
    return highestLevel(await this.supervisions.standingLevels(order.caseId, order.unitCode));
  }

  /** An order's own action: the order must be visible to the actor; it runs under its case's lock. */
  private async onOrder(
    id: string,
    actor: Actor,
    act: (order: SupervisionEntity, now: Date) => Promise<CaseDecision<SupervisionEntity>>,
  ): Promise<SupervisionEntity> {
    const order = await this.supervisions.find(id);
    if (!order || (isUnitScoped(actor) && order.unitCode !== actor.unitCode)) {
      throw new DomainError('supervision.not_found', `Supervision ${id} not found`);
    }
    const { result } = await this.commands.run(order.caseId, actor, {
      lifecycle: 'any',
      authorizedByCaller: true, // the order is addressed to the actor's unit
      decide: async (_c, { now }) => act((await this.supervisions.lock(id))!, now),
    });
    return result;
  }

  private async issue(
    c: CaseEntity,
    now: Date,
    actor: Actor,
    order: NewOrder,
  ): Promise<CaseDecision<SupervisionEntity>> {
    const row = await this.supervisions.insert({
      caseId: c.id,
      unitCode: order.unitCode ?? c.leadUnitCode,
      level: order.level,
      trigger: order.trigger,
      triggerEventId: order.triggerEventId ?? null,
      triggeredAt: order.triggeredAt ?? now,
      note: order.note,
      dueAt: order.dueAt ?? replyDueAt(order.level, now),
      issuedBy: actor.userId,
      issuedAt: now,
    });
    return {
      events: [
        {
          name: 'supervision_issued',
          data: {
            supervisionId: row.id,
            level: row.level,
            trigger: row.trigger,
            triggerEventId: row.triggerEventId,
            unitCode: row.unitCode,
            dueAt: row.dueAt.toISOString(),
            standingLevel: await this.standingLevel(row),
          },
        },
      ],
      result: row,
    };
  }
}
