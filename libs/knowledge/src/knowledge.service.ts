import { Injectable } from '@nestjs/common';
import { AuditActor, type AuditRecord, AuditService } from '@hotline/audit';
import { Clock, localDate } from '@hotline/clock';
import { DomainError, type FieldError } from '@hotline/core';
import { isUniqueViolation, TransactionService } from '@hotline/database';
import { ReferenceDataService } from '@hotline/directory';
import {
  changedContent,
  changedFields,
  contentProblems,
  type EntryChanges,
  type EntryContent,
  type EntryDraft,
  newContent,
  sameContent,
} from './domain/entry-content';
import { authorize, type KnowledgeActor, readableVersion } from './domain/knowledge-access';
import { nextKnowledgeStatus, versionToPublish } from './domain/knowledge-lifecycle';
import type { KnowledgeEntryEntity } from './entities/knowledge-entry.entity';
import { entryView, type KnowledgeEntryView, searchTextsOf } from './knowledge-entry-view';
import { KnowledgeRepository, type StoredVersion, type VersionSearchTexts } from './knowledge.repository';

/** A new entry from the api: a handler's owner is their own unit when left out. */
export type NewEntry = Omit<EntryDraft, 'ownerUnitCode'> & { ownerUnitCode?: string; ref?: string };

/** An entry of the seed or an importer, keyed by its ref. */
export type RefEntry = EntryDraft & { ref: string };

export interface UpsertOutcome {
  id: string;
  version: number;
  /** `retired`: the entry was retired here, and an import does not bring it back. */
  outcome: 'created' | 'updated' | 'unchanged' | 'retired';
}

/** An entry of a batch: its ref's outcome, or `refused` with what is wrong (nothing was written for it). */
export type BatchUpsertOutcome =
  (UpsertOutcome & { ref: string }) | { ref: string; outcome: 'refused'; problems: FieldError[] };

const SYSTEM: AuditActor = { userId: null, role: 'system', unitCode: null };

/**
 * Writing the knowledge base (docs/product.md, "Knowledge base"): drafts, edits as new versions,
 * publishing and retiring, each in one transaction with its audit row, and the seed's and
 * importers' upsert by ref.
 */
@Injectable()
export class KnowledgeService {
  constructor(
    private readonly db: TransactionService,
    private readonly entries: KnowledgeRepository,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(input: NewEntry, actor: KnowledgeActor): Promise<KnowledgeEntryView> {
    const { ref, ...draft } = input;
    const ownerUnitCode = draft.ownerUnitCode ?? (actor.role === 'handler' ? actor.unitCode : null);
    if (!ownerUnitCode) throw DomainError.invalidField('ownerUnitCode', 'is required', 'required');
    authorize(actor, 'create', ownerUnitCode);
    return this.db.run(async () => {
      const { entry, version } = await this.insert(
        ref ?? null,
        newContent({ ...draft, ownerUnitCode }, this.today()),
        actor,
      );
      return entryView(entry, version);
    });
  }

  /** A new version from the current one and the changes; a published entry stays found as published. */
  edit(id: string, changes: EntryChanges, actor: KnowledgeActor): Promise<KnowledgeEntryView> {
    return this.db.run(async () => {
      const entry = await this.lockVisible(id, actor);
      authorize(actor, 'edit', entry.ownerUnitCode);
      nextKnowledgeStatus(entry.status, 'edit');
      const current = await this.entries.version(entry.id, entry.currentVersion);
      const next = changedContent(current, changes);
      if (next.ownerUnitCode !== entry.ownerUnitCode) authorize(actor, 'edit', next.ownerUnitCode);
      const version = await this.addVersion(entry, current, next, actor);
      return entryView({ ...entry, currentVersion: version.version, ownerUnitCode: next.ownerUnitCode }, version);
    });
  }

  /** Makes `version` (by default the current one) what agents read and search finds. */
  publish(id: string, version: number | undefined, actor: KnowledgeActor): Promise<KnowledgeEntryView> {
    return this.db.run(async () => {
      const entry = await this.lockVisible(id, actor);
      authorize(actor, 'publish', entry.ownerUnitCode);
      nextKnowledgeStatus(entry.status, 'publish');
      const published = await this.publishVersion(entry, versionToPublish(entry, version), actor);
      return entryView(published, await this.entries.version(entry.id, published.publishedVersion!));
    });
  }

  retire(id: string, reason: string | undefined, actor: KnowledgeActor): Promise<KnowledgeEntryView> {
    return this.db.run(async () => {
      const entry = await this.lockVisible(id, actor);
      authorize(actor, 'retire', entry.ownerUnitCode);
      const status = nextKnowledgeStatus(entry.status, 'retire');
      await this.entries.updateEntry(id, { status });
      await this.audit.record({
        actor,
        action: 'knowledge.retired',
        entity: 'knowledge_entry',
        entityId: id,
        before: { status: entry.status },
        after: { status, reason: reason ?? null },
      });
      return entryView({ ...entry, status }, await this.entries.version(entry.id, entry.currentVersion));
    });
  }

  /**
   * For the seed and importers: creates the entry of `ref`, or adds a version when its content
   * changed, and publishes it; an entry retired here stays retired. Left out, `effectiveFrom` is the
   * day the entry was first loaded, not each day it is loaded again.
   */
  upsertByRef(input: RefEntry): Promise<UpsertOutcome> {
    const { ref, ...draft } = input;
    return this.db.run(async () => {
      const existing = await this.entries.lock({ ref });
      if (!existing) {
        const { entry } = await this.insert(ref, newContent(draft, this.today()), SYSTEM);
        await this.publishVersion(entry, 1, SYSTEM);
        return { id: entry.id, version: 1, outcome: 'created' };
      }
      if (existing.status === 'retired') {
        return { id: existing.id, version: existing.currentVersion, outcome: 'retired' };
      }
      const current = await this.entries.version(existing.id, existing.currentVersion);
      const content = newContent(
        { ...draft, effectiveFrom: draft.effectiveFrom ?? current.effectiveFrom },
        this.today(),
      );
      if (sameContent(current, content) && existing.publishedVersion === current.version) {
        return { id: existing.id, version: current.version, outcome: 'unchanged' };
      }
      const version = await this.addVersion(existing, current, content, SYSTEM);
      await this.publishVersion({ ...existing, currentVersion: version.version }, version.version, SYSTEM);
      return { id: existing.id, version: version.version, outcome: 'updated' };
    });
  }

  /**
   * upsertByRef for many entries in one transaction and a handful of statements (the seed and the
   * importer): the same outcomes and the same rules — a new version only when the content differs,
   * published, audited as the system; a retired entry stays retired — but an entry whose content is
   * refused is reported as `refused` and skipped instead of failing the others. Refs must be distinct.
   */
  upsertManyByRef(inputs: readonly RefEntry[]): Promise<BatchUpsertOutcome[]> {
    const refs = inputs.map((i) => i.ref);
    if (new Set(refs).size !== refs.length) throw new Error('upsertManyByRef: a ref appears twice in the batch');
    return this.db.run(async () => {
      const today = this.today();
      const existing = new Map((await this.entries.lockByRefs(refs)).map((e) => [e.entry.ref!, e]));
      const facts = await this.reference.facts(
        inputs.map((i) => i.ownerUnitCode),
        inputs.flatMap((i) => i.categoryCodes ?? []),
      );
      const lookup = {
        unitExists: (code: string) => facts.unit(code) !== undefined,
        categoryExists: (code: string) => facts.categoryExists(code),
      };
      const outcomes: BatchUpsertOutcome[] = [];
      const created: { ref: string; content: EntryContent }[] = [];
      const versions: { entryId: string; version: number; content: EntryContent; search: VersionSearchTexts }[] = [];
      const updates: Parameters<KnowledgeRepository['updateEntries']>[0][number][] = [];
      const audits: AuditRecord[] = [];
      for (const { ref, ...draft } of inputs) {
        const found = existing.get(ref);
        if (found?.entry.status === 'retired') {
          outcomes.push({ ref, id: found.entry.id, version: found.entry.currentVersion, outcome: 'retired' });
          continue;
        }
        const content = newContent(
          { ...draft, effectiveFrom: draft.effectiveFrom ?? found?.current.effectiveFrom },
          today,
        );
        if (found && sameContent(found.current, content) && found.entry.publishedVersion === found.current.version) {
          outcomes.push({ ref, id: found.entry.id, version: found.current.version, outcome: 'unchanged' });
          continue;
        }
        const problems = contentProblems(content, lookup);
        if (problems.length > 0) {
          outcomes.push({ ref, outcome: 'refused', problems });
          continue;
        }
        if (!found) {
          created.push({ ref, content });
          outcomes.push({ ref, id: '', version: 1, outcome: 'created' });
          continue;
        }
        const { entry, current } = found;
        const changed = !sameContent(current, content);
        const number = changed ? entry.currentVersion + 1 : entry.currentVersion;
        if (changed) {
          versions.push({ entryId: entry.id, version: number, content, search: searchTextsOf(content) });
          audits.push({
            actor: SYSTEM,
            action: 'knowledge.edited',
            entity: 'knowledge_entry',
            entityId: entry.id,
            before: { version: current.version },
            after: { version: number, changed: changedFields(current, content) },
          });
        }
        const status = nextKnowledgeStatus(entry.status, 'publish');
        updates.push({
          id: entry.id,
          status,
          currentVersion: number,
          publishedVersion: number,
          ownerUnitCode: content.ownerUnitCode,
        });
        audits.push(publishedAudit(entry.id, entry.status, entry.publishedVersion, status, number));
        outcomes.push({ ref, id: entry.id, version: number, outcome: 'updated' });
      }
      // New entries are written published at version 1, audited as created and published, as upsertByRef does.
      const inserted = await this.entries.insertEntries(
        created.map(({ ref, content }) => ({
          ref,
          status: 'published',
          currentVersion: 1,
          publishedVersion: 1,
          ownerUnitCode: content.ownerUnitCode,
        })),
      );
      const idOf = new Map(inserted.map((row) => [row.ref, row.id]));
      for (const { ref, content } of created) {
        const id = idOf.get(ref)!;
        versions.push({ entryId: id, version: 1, content, search: searchTextsOf(content) });
        audits.push(
          {
            actor: SYSTEM,
            action: 'knowledge.created',
            entity: 'knowledge_entry',
            entityId: id,
            after: { version: 1, ref, ownerUnitCode: content.ownerUnitCode, title: content.title },
          },
          publishedAudit(id, 'draft', null, 'published', 1),
        );
      }
      for (const outcome of outcomes) if (outcome.outcome === 'created') outcome.id = idOf.get(outcome.ref)!;
      await this.entries.insertVersions(versions, SYSTEM.userId);
      await this.entries.updateEntries(updates);
      await this.audit.record(...audits);
      return outcomes;
    });
  }

  private async insert(
    ref: string | null,
    content: EntryContent,
    actor: AuditActor,
  ): Promise<{ entry: KnowledgeEntryEntity; version: StoredVersion }> {
    await this.checkContent(content);
    let entry: KnowledgeEntryEntity;
    try {
      entry = await this.entries.insertEntry({
        ref,
        status: 'draft',
        currentVersion: 1,
        publishedVersion: null,
        ownerUnitCode: content.ownerUnitCode,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ux_knowledge_entries_ref')) {
        throw new DomainError('knowledge.ref_exists', `An entry with ref ${ref} exists`, [
          { field: 'ref', message: 'is the ref of another entry', reason: 'taken' },
        ]);
      }
      throw error;
    }
    const version = await this.entries.insertVersion(entry.id, 1, content, searchTextsOf(content), actor.userId);
    await this.audit.record({
      actor,
      action: 'knowledge.created',
      entity: 'knowledge_entry',
      entityId: entry.id,
      after: { version: 1, ref, ownerUnitCode: content.ownerUnitCode, title: content.title },
    });
    return { entry, version };
  }

  /** The next version, unless `next` says what `current` says: then `current`, and nothing is written. */
  private async addVersion(
    entry: KnowledgeEntryEntity,
    current: StoredVersion,
    next: EntryContent,
    actor: AuditActor,
  ): Promise<StoredVersion> {
    if (sameContent(current, next)) return current;
    await this.checkContent(next);
    const number = entry.currentVersion + 1;
    const version = await this.entries.insertVersion(entry.id, number, next, searchTextsOf(next), actor.userId);
    await this.entries.updateEntry(entry.id, { currentVersion: number, ownerUnitCode: next.ownerUnitCode });
    await this.audit.record({
      actor,
      action: 'knowledge.edited',
      entity: 'knowledge_entry',
      entityId: entry.id,
      before: { version: current.version },
      after: { version: number, changed: changedFields(current, next) },
    });
    return version;
  }

  private async publishVersion(
    entry: KnowledgeEntryEntity,
    version: number,
    actor: AuditActor,
  ): Promise<KnowledgeEntryEntity> {
    const status = nextKnowledgeStatus(entry.status, 'publish');
    await this.entries.updateEntry(entry.id, { status, publishedVersion: version });
    await this.audit.record({
      actor,
      action: 'knowledge.published',
      entity: 'knowledge_entry',
      entityId: entry.id,
      before: { status: entry.status, publishedVersion: entry.publishedVersion },
      after: { status, publishedVersion: version },
    });
    return { ...entry, status, publishedVersion: version };
  }

  private async checkContent(content: EntryContent): Promise<void> {
    const facts = await this.reference.facts([content.ownerUnitCode], content.categoryCodes);
    const problems = contentProblems(content, {
      unitExists: (code) => facts.unit(code) !== undefined,
      categoryExists: (code) => facts.categoryExists(code),
    });
    if (problems.length > 0) throw DomainError.validation(problems);
  }

  /** Locked; a 404 for an entry the actor may not even read (another unit's draft), so ids do not leak. */
  private async lockVisible(id: string, actor: KnowledgeActor): Promise<KnowledgeEntryEntity> {
    const entry = await this.entries.lock({ id });
    if (!entry) throw new DomainError('knowledge.not_found', 'No such knowledge entry');
    readableVersion(actor, entry);
    return entry;
  }

  private today(): string {
    return localDate(this.clock.now());
  }
}

function publishedAudit(
  entityId: string,
  beforeStatus: string,
  beforeVersion: number | null,
  status: string,
  version: number,
): AuditRecord {
  return {
    actor: SYSTEM,
    action: 'knowledge.published',
    entity: 'knowledge_entry',
    entityId,
    before: { status: beforeStatus, publishedVersion: beforeVersion },
    after: { status, publishedVersion: version },
  };
}
