import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import type { EntryContent } from './domain/entry-content';
import type { Audience, KnowledgeKind, KnowledgeStatus } from './domain/knowledge-vocabulary';
import { KnowledgeEntryEntity } from './entities/knowledge-entry.entity';

/** A version as read: its content, who wrote it and when. */
export interface StoredVersion extends EntryContent {
  entryId: string;
  version: number;
  createdBy: string | null;
  createdAt: Date;
}

/** The texts a version is found by (from @hotline/text-search), per tsvector weight. */
export interface VersionSearchTexts {
  weighted: Record<'A' | 'B' | 'C' | 'D', string>;
  similarityTitle: string;
  highlightAnswer: string;
}

export interface SearchRequest {
  /** Which versions are ranked: a tsquery for to_tsquery('simple', …), never empty. */
  match: string;
  /** What they are ranked and highlighted by (a tsquery, never empty). */
  rank: string;
  /** The question for pg_trgm, as toSimilarityText writes it: it always adds to the score. */
  similarityText: string;
  /**
   * Also find versions whose title shares enough of the question's characters, whatever its words
   * (typos): a scan of the trigram index that costs seconds over 200,000 titles, so asked for only
   * when the words found too few.
   */
  byTitleCharacters: boolean;
  /** YYYY-MM-DD: published versions must be in effect on it. */
  today: string;
  audiences: Audience[] | null;
  kind: KnowledgeKind | null;
  categoryCode: string | null;
  /** `filter`: only entries of the category's subtree or above it; `boost`: those first. */
  categoryUse: 'filter' | 'boost';
  /** Entries whose current version is searched, whatever its state: all, one unit's, or none. */
  unpublished: { all: boolean; unitCode: string | null };
  limit: number;
}

export interface SearchHit {
  id: string;
  version: number;
  status: KnowledgeStatus;
  title: string;
  kind: KnowledgeKind;
  audience: Audience;
  /** ts_headline of the answer's highlight text. */
  headline: string;
  score: number;
}

/** The weight of the title's character similarity beside ts_rank (docs/decisions.md). */
const SIMILARITY_WEIGHT = 0.5;
/**
 * ts_rank's weights for D (document number, source), C (answer), B (callers' questions), A (title):
 * callers' questions count as much as the title, the answer's words less — measured on the held-out
 * questions (docs/decisions.md, "Seed, importer and answer quality").
 */
const RANK_WEIGHTS = '{0.05,0.3,1.0,1.0}';
/** How similar a title must be to be found without a shared word. */
const SIMILARITY_FLOOR = 0.4;
/** What an entry of a case's category (or one above or below it) gets added in findForCase. */
const CATEGORY_BOOST = 0.2;
const HEADLINE_OPTIONS =
  'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=12, ShortWord=0, MaxFragments=2, FragmentDelimiter=…';

const VERSION_COLUMNS = `entry_id AS "entryId", version, title, questions, answer, kind, audience,
  category_codes AS "categoryCodes", owner_unit_code AS "ownerUnitCode", document_number AS "documentNumber",
  source, effective_from::text AS "effectiveFrom", effective_to::text AS "effectiveTo",
  review_by::text AS "reviewBy", created_by AS "createdBy", created_at AS "createdAt"`;

// A written version's title characters into their narrow table (knowledge-title-characters.entity.ts),
// in the statement that writes the version (a CTE named v returning its rows).
const TITLE_CHARACTERS_OF_V = `INSERT INTO knowledge_title_characters (entry_id, version, characters)
  SELECT entry_id, version, search_title FROM v`;

// The version a search looks at: the current one for entries the searcher may edit (when asked), else
// the published one, which must then be published and in effect today.
const SEARCH = `
  WITH candidates AS (
    SELECT entry_id, version FROM knowledge_entry_versions WHERE search_document @@ to_tsquery('simple', $1)
    UNION
    SELECT entry_id, version FROM knowledge_title_characters
     WHERE $12::boolean AND characters % $2 AND similarity(characters, $2) >= ${SIMILARITY_FLOOR}
  ), hits AS (
    SELECT e.id, v.version, e.status, v.title, v.kind, v.audience, v.search_answer,
           ts_rank('${RANK_WEIGHTS}', v.search_document, to_tsquery('simple', $11), 32)
             + ${SIMILARITY_WEIGHT} * similarity(v.search_title, $2)
             + CASE WHEN $7::text = 'boost' AND m.in_category THEN ${CATEGORY_BOOST} ELSE 0 END AS score
      FROM candidates k
      JOIN knowledge_entry_versions v ON v.entry_id = k.entry_id AND v.version = k.version
      JOIN knowledge_entries e ON e.id = v.entry_id
       AND v.version = CASE WHEN $8::boolean OR e.owner_unit_code = $9::text
                            THEN e.current_version ELSE e.published_version END
     CROSS JOIN LATERAL (
       SELECT $6::text IS NOT NULL AND EXISTS (
                SELECT 1 FROM unnest(v.category_codes) c
                 WHERE starts_with($6::text, c) OR starts_with(c, $6::text)) AS in_category
     ) m
     WHERE ($8::boolean OR e.owner_unit_code = $9::text
            OR (e.status = 'published' AND v.effective_from <= $3::date
                AND (v.effective_to IS NULL OR v.effective_to >= $3::date)))
       AND ($4::text[] IS NULL OR v.audience = ANY($4::text[]))
       AND ($5::text IS NULL OR v.kind = $5::text)
       AND ($6::text IS NULL OR $7::text <> 'filter' OR m.in_category)
  ), top AS (
    SELECT *, count(*) OVER () AS total FROM hits ORDER BY score DESC, id LIMIT $10::int
  )
  SELECT id, version, status, title, kind, audience, score::float8 AS score, total::int AS total,
         ts_headline('simple', search_answer, to_tsquery('simple', $11), '${HEADLINE_OPTIONS}') AS headline
    FROM top ORDER BY score DESC, id`;

/**
 * `knowledge_entries` and `knowledge_entry_versions`: entries change under their row lock, versions
 * are only ever inserted; the search over the versions' tsvector and trigram indexes.
 */
@Injectable()
export class KnowledgeRepository {
  constructor(private readonly db: TransactionService) {}

  find(id: string): Promise<KnowledgeEntryEntity | null> {
    return this.db.manager.findOneBy(KnowledgeEntryEntity, { id });
  }

  /** The entry under its row lock until the transaction ends: its writes are serialised. */
  lock(where: { id: string } | { ref: string }): Promise<KnowledgeEntryEntity | null> {
    const [column, value] = 'id' in where ? ['id', where.id] : ['ref', where.ref];
    return this.db.manager
      .createQueryBuilder(KnowledgeEntryEntity, 'e')
      .where(`e.${column} = :value`, { value })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** A taken ref (`ux_knowledge_entries_ref`) reaches the caller as thrown. */
  insertEntry(
    entry: Pick<KnowledgeEntryEntity, 'ref' | 'status' | 'currentVersion' | 'publishedVersion' | 'ownerUnitCode'>,
  ): Promise<KnowledgeEntryEntity> {
    return this.db.manager.save(this.db.manager.create(KnowledgeEntryEntity, entry));
  }

  async updateEntry(
    id: string,
    change: Partial<Pick<KnowledgeEntryEntity, 'status' | 'currentVersion' | 'publishedVersion' | 'ownerUnitCode'>>,
  ): Promise<void> {
    await this.db.manager.update(KnowledgeEntryEntity, { id }, change);
  }

  async insertVersion(
    entryId: string,
    version: number,
    content: EntryContent,
    search: VersionSearchTexts,
    createdBy: string | null,
  ): Promise<StoredVersion> {
    const [row]: StoredVersion[] = await this.db.manager.query(
      `WITH v AS (
         INSERT INTO knowledge_entry_versions
           (entry_id, version, title, questions, answer, kind, audience, category_codes, owner_unit_code,
            document_number, source, effective_from, effective_to, review_by, created_by,
            search_document, search_title, search_answer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
                 setweight(to_tsvector('simple', $16), 'A') || setweight(to_tsvector('simple', $17), 'B')
                   || setweight(to_tsvector('simple', $18), 'C') || setweight(to_tsvector('simple', $19), 'D'),
                 $20, $21)
         RETURNING *
       ), t AS (${TITLE_CHARACTERS_OF_V})
       SELECT ${VERSION_COLUMNS} FROM v`,
      [
        entryId,
        version,
        content.title,
        content.questions,
        content.answer,
        content.kind,
        content.audience,
        content.categoryCodes,
        content.ownerUnitCode,
        content.documentNumber,
        content.source,
        content.effectiveFrom,
        content.effectiveTo,
        content.reviewBy,
        createdBy,
        search.weighted.A,
        search.weighted.B,
        search.weighted.C,
        search.weighted.D,
        search.similarityTitle,
        search.highlightAnswer,
      ],
    );
    return row;
  }

  /** The entries of `refs` (those that exist) under their row locks, in ref order, each with its current version. */
  async lockByRefs(refs: readonly string[]): Promise<{ entry: KnowledgeEntryEntity; current: StoredVersion }[]> {
    if (refs.length === 0) return [];
    const entries = await this.db.manager
      .createQueryBuilder(KnowledgeEntryEntity, 'e')
      .where('e.ref IN (:...refs)', { refs })
      .orderBy('e.ref')
      .setLock('pessimistic_write')
      .getMany();
    if (entries.length === 0) return [];
    const versions = await this.versionsOf(entries.map((e) => ({ entryId: e.id, version: e.currentVersion })));
    const byEntry = new Map(versions.map((v) => [v.entryId, v]));
    return entries.map((entry) => ({ entry, current: byEntry.get(entry.id)! }));
  }

  /** Many entries in one statement (the importers' bulk path); a taken ref fails it as thrown. */
  async insertEntries(
    rows: readonly Pick<
      KnowledgeEntryEntity,
      'ref' | 'status' | 'currentVersion' | 'publishedVersion' | 'ownerUnitCode'
    >[],
  ): Promise<{ id: string; ref: string }[]> {
    if (rows.length === 0) return [];
    return this.db.manager.query(
      `INSERT INTO knowledge_entries (ref, status, current_version, published_version, owner_unit_code)
       SELECT r.ref, r.status, r.current_version, r.published_version, r.owner_unit_code
         FROM jsonb_to_recordset($1::jsonb)
           AS r(ref text, status text, current_version int, published_version int, owner_unit_code text)
       RETURNING id, ref`,
      [
        JSON.stringify(
          rows.map((r) => ({
            ref: r.ref,
            status: r.status,
            current_version: r.currentVersion,
            published_version: r.publishedVersion,
            owner_unit_code: r.ownerUnitCode,
          })),
        ),
      ],
    );
  }

  /** Many entries' new state in one statement. */
  async updateEntries(
    rows: readonly Pick<
      KnowledgeEntryEntity,
      'id' | 'status' | 'currentVersion' | 'publishedVersion' | 'ownerUnitCode'
    >[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.query(
      `UPDATE knowledge_entries e
          SET status = r.status, current_version = r.current_version, published_version = r.published_version,
              owner_unit_code = r.owner_unit_code, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb)
           AS r(id uuid, status text, current_version int, published_version int, owner_unit_code text)
        WHERE e.id = r.id`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            status: r.status,
            current_version: r.currentVersion,
            published_version: r.publishedVersion,
            owner_unit_code: r.ownerUnitCode,
          })),
        ),
      ],
    );
  }

  /** Many versions in one statement, their search columns computed as insertVersion computes them. */
  async insertVersions(
    rows: readonly { entryId: string; version: number; content: EntryContent; search: VersionSearchTexts }[],
    createdBy: string | null,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.manager.query(
      `WITH v AS (
       INSERT INTO knowledge_entry_versions
         (entry_id, version, title, questions, answer, kind, audience, category_codes, owner_unit_code,
          document_number, source, effective_from, effective_to, review_by, created_by,
          search_document, search_title, search_answer)
       SELECT r.entry_id, r.version, r.title, ARRAY(SELECT jsonb_array_elements_text(r.questions)), r.answer,
              r.kind, r.audience, ARRAY(SELECT jsonb_array_elements_text(r.category_codes)), r.owner_unit_code,
              r.document_number, r.source, r.effective_from, r.effective_to, r.review_by, $2::uuid,
              setweight(to_tsvector('simple', r.a), 'A') || setweight(to_tsvector('simple', r.b), 'B')
                || setweight(to_tsvector('simple', r.c), 'C') || setweight(to_tsvector('simple', r.d), 'D'),
              r.similarity_title, r.highlight_answer
         FROM jsonb_to_recordset($1::jsonb) AS r(
              entry_id uuid, version int, title text, questions jsonb, answer text, kind text, audience text,
              category_codes jsonb, owner_unit_code text, document_number text, source text, effective_from date,
              effective_to date, review_by date, a text, b text, c text, d text, similarity_title text,
              highlight_answer text)
       RETURNING entry_id, version, search_title
       ) ${TITLE_CHARACTERS_OF_V}`,
      [
        JSON.stringify(
          rows.map(({ entryId, version, content, search }) => ({
            entry_id: entryId,
            version,
            title: content.title,
            questions: content.questions,
            answer: content.answer,
            kind: content.kind,
            audience: content.audience,
            category_codes: content.categoryCodes,
            owner_unit_code: content.ownerUnitCode,
            document_number: content.documentNumber,
            source: content.source,
            effective_from: content.effectiveFrom,
            effective_to: content.effectiveTo,
            review_by: content.reviewBy,
            a: search.weighted.A,
            b: search.weighted.B,
            c: search.weighted.C,
            d: search.weighted.D,
            similarity_title: search.similarityTitle,
            highlight_answer: search.highlightAnswer,
          })),
        ),
        createdBy,
      ],
    );
  }

  /** One of versions 1 … current_version, which every entry has. */
  async version(entryId: string, version: number): Promise<StoredVersion> {
    const [row]: StoredVersion[] = await this.db.manager.query(
      `SELECT ${VERSION_COLUMNS} FROM knowledge_entry_versions WHERE entry_id = $1 AND version = $2`,
      [entryId, version],
    );
    if (!row) throw new Error(`knowledge entry ${entryId} has no version ${version}`);
    return row;
  }

  /** The named versions, in one statement, in no particular order. */
  versionsOf(pairs: readonly { entryId: string; version: number }[]): Promise<StoredVersion[]> {
    return this.db.manager.query(
      `SELECT ${VERSION_COLUMNS} FROM knowledge_entry_versions
        WHERE (entry_id, version) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
      [pairs.map((p) => p.entryId), pairs.map((p) => p.version)],
    );
  }

  /** Versions 1 … `upTo` of an entry, newest first. */
  async versions(entryId: string, upTo: number, page: PageRequest): Promise<Page<StoredVersion>> {
    const items: StoredVersion[] = await this.db.manager.query(
      `SELECT ${VERSION_COLUMNS} FROM knowledge_entry_versions WHERE entry_id = $1 AND version <= $2
        ORDER BY version DESC LIMIT $3 OFFSET $4`,
      [entryId, upTo, page.limit, page.offset],
    );
    return { items, total: upTo };
  }

  /**
   * How many versions hold each of the most common words, estimated from PostgreSQL's own statistics
   * of the search column (ANALYZE's most common elements, up to ten times its statistics target);
   * a word not listed is rarer than every listed one. Empty before the table's first ANALYZE.
   */
  async commonWordCounts(): Promise<Map<string, number>> {
    const [row]: { words: string[] | null; freqs: number[] | null; rows: number }[] = await this.db.manager.query(
      `SELECT s.most_common_elems::text::text[] AS words, s.most_common_elem_freqs AS freqs, c.reltuples AS rows
         FROM pg_stats s JOIN pg_class c ON c.oid = 'knowledge_entry_versions'::regclass
        WHERE s.schemaname = current_schema() AND s.tablename = 'knowledge_entry_versions'
          AND s.attname = 'search_document'`,
    );
    const counts = new Map<string, number>();
    // most_common_elem_freqs ends with three summary figures (min, max, nulls) after one per word.
    row?.words?.forEach((word, i) => counts.set(word, Math.round((row.freqs?.[i] ?? 0) * Math.max(0, row.rows))));
    return counts;
  }

  /** Of `ids`, the published entries whose published version is in effect on `today`. */
  publishedInEffect(ids: readonly string[], today: string): Promise<{ id: string; version: number; title: string }[]> {
    return this.db.manager.query(
      `SELECT e.id, v.version, v.title FROM knowledge_entries e
         JOIN knowledge_entry_versions v ON v.entry_id = e.id AND v.version = e.published_version
        WHERE e.id = ANY($1::uuid[]) AND e.status = 'published'
          AND v.effective_from <= $2::date AND (v.effective_to IS NULL OR v.effective_to >= $2::date)`,
      [ids, today],
    );
  }

  async search(request: SearchRequest): Promise<Page<SearchHit>> {
    const rows: (SearchHit & { total: number })[] = await this.db.manager.query(SEARCH, [
      request.match,
      request.similarityText,
      request.today,
      request.audiences,
      request.kind,
      request.categoryCode,
      request.categoryUse,
      request.unpublished.all,
      request.unpublished.unitCode,
      request.limit,
      request.rank,
      request.byTitleCharacters,
    ]);
    return { items: rows.map(({ total: _, ...hit }) => hit), total: rows[0]?.total ?? 0 };
  }
}
