import type { BatchUpsertOutcome, ImportedEntry, KnowledgeService } from '@hotline/knowledge';
import { readKnowledgeFile } from './records';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
  refused: number;
}

export interface ImportOptions {
  /** Entries per transaction. */
  batchSize?: number;
  /** Where a refused record is reported (line, field, message). */
  report?: (message: string) => void;
}

/**
 * Reads an import file as a stream and upserts its entries by ref, `batchSize` to a transaction
 * (KnowledgeService.upsertManyByRef): a bad record is reported with its line and field and skipped; a
 * ref seen twice in a batch ends the batch first, so the later line wins as it would one by one.
 */
export async function importKnowledgeFile(
  knowledge: KnowledgeService,
  path: string,
  { batchSize = 500, report = console.error }: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, retired: 0, refused: 0 };
  let batch: { line: number; entry: ImportedEntry }[] = [];
  const refs = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes: BatchUpsertOutcome[] = await knowledge.upsertManyByRef(batch.map((b) => b.entry));
    outcomes.forEach((outcome, i) => {
      summary[outcome.outcome] += 1;
      if (outcome.outcome === 'refused') {
        for (const p of outcome.problems) report(`line ${batch[i].line}: ${p.field} ${p.message} (ref ${outcome.ref})`);
      }
    });
    batch = [];
    refs.clear();
  };
  for await (const record of readKnowledgeFile(path)) {
    if ('problems' in record) {
      summary.refused += 1;
      for (const p of record.problems) report(`line ${record.line}: ${p.field} ${p.message}`);
      continue;
    }
    if (refs.has(record.entry.ref)) await flush();
    batch.push(record);
    refs.add(record.entry.ref);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}
