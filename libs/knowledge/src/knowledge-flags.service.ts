import { Injectable } from '@nestjs/common';
import { AuditService } from '@hotline/audit';
import { Clock, localDate } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError, type Page, type PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { createCloudEvent, OutboxService, unitInboxTopic } from '@hotline/messaging';
import { type KnowledgeActor, readableVersion } from './domain/knowledge-access';
import {
  assertMayResolve,
  assertOpenFlag,
  type FlagReason,
  type FlagStatus,
  ownerScope,
} from './domain/knowledge-flags';
import type { KnowledgeFlagEntity } from './entities/knowledge-flag.entity';
import { type EntryFlaggedData, KNOWLEDGE_EVENT_TYPES } from './events/knowledge.events';
import { KnowledgeFlagsRepository, type ReviewDue } from './knowledge-flags.repository';
import { KnowledgeRepository } from './knowledge.repository';

export type KnowledgeFlagView = Omit<KnowledgeFlagEntity, 'entry' | 'ownerUnit'> & { title: string };

/**
 * Flags on entries and entries due for review (docs/api.md, "Knowledge base"): a flag is stored open
 * and its owning unit told on its own inbox topic, through the outbox in the same transaction; the
 * owner's handlers (or a supervisor) resolve it.
 */
@Injectable()
export class KnowledgeFlagsService {
  constructor(
    private readonly db: TransactionService,
    private readonly entries: KnowledgeRepository,
    private readonly flags: KnowledgeFlagsRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  flag(
    entryId: string,
    input: { reason: FlagReason; note?: string },
    actor: KnowledgeActor,
  ): Promise<KnowledgeFlagView> {
    return this.db.run(async () => {
      const entry = await this.entries.find(entryId);
      if (!entry) throw new DomainError('knowledge.not_found', 'No such knowledge entry');
      const version = await this.entries.version(entry.id, readableVersion(actor, entry));
      const now = this.clock.now();
      const flag = await this.flags.insert({
        entryId: entry.id,
        version: version.version,
        ownerUnitCode: entry.ownerUnitCode,
        reason: input.reason,
        note: input.note ?? null,
        status: 'open',
        flaggedBy: actor.userId,
        flaggedAt: now,
        resolvedBy: null,
        resolvedAt: null,
        resolution: null,
      });
      const data: EntryFlaggedData = {
        flagId: flag.id,
        entryId: entry.id,
        version: version.version,
        title: version.title,
        ownerUnitCode: entry.ownerUnitCode,
        reason: flag.reason,
        note: flag.note,
        flaggedAt: now.toISOString(),
      };
      await this.outbox.append([
        {
          topic: unitInboxTopic(entry.ownerUnitCode),
          key: entry.id,
          event: createCloudEvent({
            type: KNOWLEDGE_EVENT_TYPES.entryFlagged,
            source: this.config.EVENT_SOURCE,
            subject: entry.id,
            time: now,
            data,
          }),
        },
      ]);
      return { ...withoutRelations(flag), title: version.title };
    });
  }

  async list(
    filter: { unitCode?: string; status?: FlagStatus },
    viewer: KnowledgeActor,
    page: PageRequest,
  ): Promise<Page<KnowledgeFlagView>> {
    const ownerUnitCode = ownerScope(viewer, filter.unitCode);
    const { items, total } = await this.flags.list({ ownerUnitCode, status: filter.status ?? null }, page);
    const titles = new Map<string, string>();
    for (const f of items) {
      const key = `${f.entryId}:${f.version}`;
      if (!titles.has(key)) titles.set(key, (await this.entries.version(f.entryId, f.version)).title);
    }
    return {
      items: items.map((f) => ({ ...withoutRelations(f), title: titles.get(`${f.entryId}:${f.version}`)! })),
      total,
    };
  }

  resolve(flagId: string, resolution: string | undefined, actor: KnowledgeActor): Promise<KnowledgeFlagView> {
    return this.db.run(async () => {
      const flag = await this.flags.lock(flagId);
      // A handler of another unit learns nothing of the flag.
      if (!flag || (actor.role === 'handler' && actor.unitCode !== flag.ownerUnitCode)) {
        throw new DomainError('knowledge.flag_not_found', 'No such flag');
      }
      assertMayResolve(actor, flag.ownerUnitCode);
      assertOpenFlag(flag.status);
      const change = { resolvedBy: actor.userId, resolvedAt: this.clock.now(), resolution: resolution ?? null };
      await this.flags.resolve(flag.id, change);
      await this.audit.record({
        actor,
        action: 'knowledge.flag_resolved',
        entity: 'knowledge_flag',
        entityId: flag.id,
        before: { status: flag.status },
        after: { status: 'resolved', resolution: change.resolution },
      });
      const title = (await this.entries.version(flag.entryId, flag.version)).title;
      return { ...withoutRelations(flag), ...change, status: 'resolved', title };
    });
  }

  /** Published entries past their review-by day (a handler: their unit's), the most overdue first. */
  reviewDue(unitCode: string | undefined, viewer: KnowledgeActor, page: PageRequest): Promise<Page<ReviewDue>> {
    return this.flags.reviewDue(localDate(this.clock.now()), ownerScope(viewer, unitCode), page);
  }
}

function withoutRelations(f: KnowledgeFlagEntity): Omit<KnowledgeFlagEntity, 'entry' | 'ownerUnit'> {
  const { entry: _e, ownerUnit: _u, ...rest } = f;
  return rest;
}
