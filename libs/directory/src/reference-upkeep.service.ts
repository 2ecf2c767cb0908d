import { Injectable } from '@nestjs/common';
import { AuditActor, AuditService } from '@hotline/audit';
import { Clock } from '@hotline/clock';
import { DomainError, type Page } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { appliesNow } from './domain/reference-upkeep';
import type { ReferenceChangeEntity } from './entities/reference-change.entity';
import { ReferenceAppliersService, type ReferenceChangeRequest } from './reference-appliers.service';
import { ReferenceChangeFilter, ReferenceChangesRepository } from './reference-changes.repository';
import { ReferenceDataService } from './reference-data.service';

export type { ReferenceChangeRequest } from './reference-appliers.service';

export interface ChangeTerms {
  reason?: string;
  /** Ahead of now: the change is scheduled and applied then; otherwise at once. */
  effectiveFrom?: Date;
}

/**
 * Reference-data upkeep (docs/product.md, "Reference data upkeep"): an admin's change of a hotline, unit,
 * category, dispatch rule or the SLA policy is checked, then applied at once or scheduled for its
 * effective time — either way kept as a versioned change with the row before and after, and audited.
 */
@Injectable()
export class ReferenceUpkeepService {
  constructor(
    private readonly db: TransactionService,
    private readonly changes: ReferenceChangesRepository,
    private readonly appliers: ReferenceAppliersService,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  request(request: ReferenceChangeRequest, terms: ChangeTerms, actor: AuditActor): Promise<ReferenceChangeEntity> {
    return this.requestAll([request], terms, actor).then(([change]) => change);
  }

  /** Several changes made together (a reordering of the catalogue): all of them, or none. */
  async requestAll(
    requests: readonly ReferenceChangeRequest[],
    terms: ChangeTerms,
    actor: AuditActor,
  ): Promise<ReferenceChangeEntity[]> {
    const now = this.clock.now();
    const atOnce = appliesNow(terms.effectiveFrom, now);
    const made = await this.db.run(async () => {
      const out: ReferenceChangeEntity[] = [];
      for (const request of requests) {
        const asked = {
          entity: request.entity,
          entityKey: request.entityKey,
          change: { op: request.op, fields: request.fields },
          reason: terms.reason ?? null,
          effectiveFrom: terms.effectiveFrom ?? now,
          requestedBy: actor.userId,
          requestedAt: now,
        };
        const outcome = await this.appliers.run(request, atOnce);
        const change = outcome ? await this.changes.applied(asked, outcome, now) : await this.changes.scheduled(asked);
        await this.recordAudit(change, actor);
        out.push(change);
      }
      return out;
    });
    if (atOnce) this.reference.invalidate();
    return made;
  }

  /**
   * Applies the scheduled changes that are due (the worker's clocks), each in its own transaction; one that
   * no longer holds (its unit deactivated meanwhile…) is marked failed with the reasons.
   */
  async applyDue(limit: number): Promise<number> {
    let applied = 0;
    for (let i = 0; i < limit; i++) {
      const outcome = await this.applyOneDue();
      if (outcome === 'none') break;
      if (outcome === 'applied') applied++;
    }
    if (applied > 0) this.reference.invalidate();
    return applied;
  }

  private async applyOneDue(): Promise<'applied' | 'failed' | 'none'> {
    let claimed: ReferenceChangeEntity | undefined;
    try {
      return await this.db.run(async () => {
        const now = this.clock.now();
        [claimed] = await this.changes.claimDue(now, 1);
        if (!claimed) return 'none';
        const outcome = await this.appliers.run(
          { entity: claimed.entity, entityKey: claimed.entityKey, ...claimed.change },
          true,
        );
        await this.recordAudit(await this.changes.applied(claimed, outcome!, now), SCHEDULER);
        return 'applied';
      });
    } catch (error) {
      if (!(error instanceof DomainError) || !claimed) throw error;
      const problems =
        error.fields.length > 0 ? error.fields : [{ field: '', message: error.message, reason: error.reason }];
      const failed = claimed;
      await this.db.run(async () => this.recordAudit(await this.changes.markFailed(failed, problems), SCHEDULER));
      return 'failed';
    }
  }

  async cancel(id: string, actor: AuditActor): Promise<ReferenceChangeEntity> {
    return this.db.run(async () => {
      const change = await this.changes.lock(id);
      if (!change) throw new DomainError('reference.change_not_found', `Reference change ${id} not found`);
      if (change.status !== 'scheduled') {
        throw new DomainError('reference.change_not_scheduled', `The change is ${change.status}, not scheduled`);
      }
      const cancelled = await this.changes.markCancelled(change);
      await this.recordAudit(cancelled, actor);
      return cancelled;
    });
  }

  history(filter: ReferenceChangeFilter): Promise<Page<ReferenceChangeEntity>> {
    return this.changes.page(filter);
  }

  private recordAudit(change: ReferenceChangeEntity, actor: AuditActor): Promise<void> {
    return this.audit.record({
      actor,
      action: `${change.entity}.change_${change.status}`,
      entity: change.entity,
      entityId: change.entityKey,
      before: change.before ?? undefined,
      after: change.after ?? { change: change.change, effectiveFrom: change.effectiveFrom, problems: change.problems },
    });
  }
}

/** Who applies a scheduled change: the system, on the admin's earlier word (the change names them). */
const SCHEDULER: AuditActor = { userId: null, role: 'system', unitCode: null };
