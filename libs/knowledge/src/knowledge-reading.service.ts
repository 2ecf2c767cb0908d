import { Injectable } from '@nestjs/common';
import { Clock, localDate } from '@hotline/clock';
import { DomainError, type Page, type PageRequest } from '@hotline/core';
import { type KnowledgeActor, readableVersion } from './domain/knowledge-access';
import type { KnowledgeEntryEntity } from './entities/knowledge-entry.entity';
import { entryView, type KnowledgeEntryView } from './knowledge-entry-view';
import { KnowledgeRepository } from './knowledge.repository';

export interface VersionSummary {
  version: number;
  title: string;
  /** The version search finds (the entry is published and this is its published version). */
  published: boolean;
  createdBy: string | null;
  createdAt: Date;
}

/** An entry an answer rests on, as it read when the answer was given. */
export interface Citation {
  entryId: string;
  version: number;
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading the knowledge base: an entry's versions as each reader may see them, and citations. */
@Injectable()
export class KnowledgeReadingService {
  constructor(
    private readonly entries: KnowledgeRepository,
    private readonly clock: Clock,
  ) {}

  /** The version asked for, or the newest the reader may read (docs/api.md, "Knowledge base"). */
  async read(id: string, actor: KnowledgeActor, version?: number): Promise<KnowledgeEntryView> {
    const entry = await this.findOrFail(id);
    return entryView(entry, await this.entries.version(entry.id, readableVersion(actor, entry, version)));
  }

  /** Newest first: every version for an editor, the published ones and those before for others. */
  async versions(id: string, actor: KnowledgeActor, page: PageRequest): Promise<Page<VersionSummary>> {
    const entry = await this.findOrFail(id);
    const { items, total } = await this.entries.versions(id, readableVersion(actor, entry), page);
    return {
      items: items.map((v) => ({
        version: v.version,
        title: v.title,
        published: entry.status === 'published' && v.version === entry.publishedVersion,
        createdBy: v.createdBy,
        createdAt: v.createdAt,
      })),
      total,
    };
  }

  /** Of `ids`, each published entry in effect today, with its published version number. */
  async versionsInEffect(ids: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.entries.publishedInEffect(
      ids.filter((id) => UUID.test(id)),
      this.today(),
    );
    return new Map(rows.map((r) => [r.id, r.version]));
  }

  /**
   * The citations of an answer: each entry's published version, in the order given; 409
   * `knowledge.not_citable` names those that are not published and in effect today.
   */
  async cite(ids: readonly string[]): Promise<Citation[]> {
    const unique = [...new Set(ids)];
    const rows = await this.entries.publishedInEffect(
      unique.filter((id) => UUID.test(id)),
      this.today(),
    );
    const byId = new Map(rows.map((r) => [r.id, { entryId: r.id, version: r.version, title: r.title }]));
    const missing = unique.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new DomainError('knowledge.not_citable', `Not published and in effect today: ${missing.join(', ')}`);
    }
    return unique.map((id) => byId.get(id)!);
  }

  private async findOrFail(id: string): Promise<KnowledgeEntryEntity> {
    const entry = await this.entries.find(id);
    if (!entry) throw new DomainError('knowledge.not_found', 'No such knowledge entry');
    return entry;
  }

  private today(): string {
    return localDate(this.clock.now());
  }
}
