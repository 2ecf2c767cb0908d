import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { KnowledgeCitationEntity } from './entities/knowledge-citation.entity';

export interface CitationUse {
  entryId: string;
  title: string;
  uses: number;
}

/** `knowledge_citations`: written with an answer, only ever inserted; the usage figures read them. */
@Injectable()
export class KnowledgeCitationsRepository {
  constructor(private readonly db: TransactionService) {}

  async insert(rows: readonly Omit<KnowledgeCitationEntity, 'case' | 'cited'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.insert(KnowledgeCitationEntity, [...rows]);
  }

  forCase(caseId: string): Promise<KnowledgeCitationEntity[]> {
    return this.db.manager.find(KnowledgeCitationEntity, { where: { caseId }, order: { entryId: 'ASC' } });
  }

  /** Cases with at least one citation since `since` (an answer cites at the moment it is given). */
  async casesCitingSince(since: Date): Promise<number> {
    const [row]: { n: string }[] = await this.db.manager.query(
      `SELECT count(DISTINCT case_id) AS n FROM knowledge_citations WHERE cited_at >= $1`,
      [since],
    );
    return Number(row?.n ?? 0);
  }

  /** The most cited entries since `since` (of one owner's, or all), with their published title. */
  mostUsedSince(since: Date, ownerUnitCode: string | null, limit: number): Promise<CitationUse[]> {
    return this.db.manager
      .query(
        `SELECT c.entry_id AS "entryId", v.title, count(*)::int AS uses
           FROM knowledge_citations c
           JOIN knowledge_entries e ON e.id = c.entry_id
           JOIN knowledge_entry_versions v ON v.entry_id = e.id AND v.version = COALESCE(e.published_version, e.current_version)
          WHERE c.cited_at >= $1 AND ($2::text IS NULL OR e.owner_unit_code = $2::text)
          GROUP BY c.entry_id, v.title ORDER BY uses DESC, c.entry_id LIMIT $3`,
        [since, ownerUnitCode, limit],
      )
      .then((rows: CitationUse[]) => rows);
  }

  /** Published entries (of one owner's, or all) that no answer cited since `since`. */
  async publishedNeverCitedSince(since: Date, ownerUnitCode: string | null): Promise<number> {
    const [row]: { n: string }[] = await this.db.manager.query(
      `SELECT count(*) AS n FROM knowledge_entries e
        WHERE e.status = 'published' AND ($2::text IS NULL OR e.owner_unit_code = $2::text)
          AND NOT EXISTS (SELECT 1 FROM knowledge_citations c WHERE c.entry_id = e.id AND c.cited_at >= $1)`,
      [since, ownerUnitCode],
    );
    return Number(row?.n ?? 0);
  }
}
