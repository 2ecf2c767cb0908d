import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { DeadlineBook } from '@hotline/sla';
import { CaseEventRecorder } from './case-event-recorder';
import { CaseStore } from './case-store';
import type { Actor } from './domain/actor';
import { nextStatus } from './domain/case-lifecycle';
import type { DemandType } from './domain/case-vocabulary';
import type { CaseEntity } from './entities/case.entity';

/** Demands a complaint or a report never ends on the call: a unit must act on them. */
const ANSWERABLE: readonly DemandType[] = ['consultation', 'help', 'suggestion', 'praise'];

/** Centre-side actions on a registered case that need no unit. */
@Injectable()
export class CaseActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly events: CaseEventRecorder,
    private readonly deadlines: DeadlineBook,
    private readonly clock: Clock,
  ) {}

  /** 直接办结: the agent answered the demand on the call (mostly consultations). */
  async answer(caseId: string, reply: string, actor: Actor): Promise<CaseEntity> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.store.get(tx, caseId);
      const status = nextStatus(current.status, 'answer');
      if (!ANSWERABLE.includes(current.demandType)) {
        throw new DomainError('STATE_CONFLICT', `A ${current.demandType} cannot be answered on the call; dispatch it`);
      }
      const answered = await this.store.update(tx, current, { status, closedAt: this.clock.now() });
      await this.deadlines.cancel(tx, current.id, ['dispatch']);
      await this.events.record(
        tx,
        answered,
        'answered',
        actor,
        { reply },
        { before: { status: current.status }, after: { status } },
      );
      return answered;
    });
  }
}
