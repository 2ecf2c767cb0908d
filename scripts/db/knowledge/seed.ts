import { join } from 'node:path';
import type { KnowledgeService } from '@hotline/knowledge';
import { importKnowledgeFile, type ImportSummary } from './import';

/** The knowledge base's seed: 421 entries of the centre's own, in the importers' JSONL format. */
export const KNOWLEDGE_SEED_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'libs',
  'knowledge',
  'src',
  'seed',
  'data',
  'knowledge-entries.jsonl',
);

/**
 * Upserts the seed by ref in one transaction: loaded again, unchanged entries add nothing, changed
 * ones a version, and entries a supervisor retired stay retired. A refused seed entry fails it.
 */
export async function seedKnowledge(knowledge: KnowledgeService): Promise<ImportSummary> {
  const problems: string[] = [];
  const summary = await importKnowledgeFile(knowledge, KNOWLEDGE_SEED_FILE, {
    batchSize: 10_000,
    report: (message) => problems.push(message),
  });
  if (problems.length > 0) throw new Error(`the knowledge seed has bad entries: ${problems.slice(0, 5).join('; ')}`);
  return summary;
}
