import { Injectable } from '@nestjs/common';
import { CasesRepository } from './cases.repository';

export interface ReindexResult {
  filled: number;
  passes: number;
}

/**
 * Fills the search documents of cases registered before `cases.search_document` existed (`npm run
 * cases:reindex`, docs/operations.md): keyset batches in id order, each its own transaction, rows taken
 * with SKIP LOCKED so the api's actions never wait on it. A pass that skipped locked rows leaves them
 * NULL; passes repeat until one fills nothing (at most `maxPasses`).
 */
@Injectable()
export class CaseSearchIndexService {
  constructor(private readonly cases: CasesRepository) {}

  async fillMissing(
    options: { batchSize?: number; maxPasses?: number; onBatch?: (filled: number) => void } = {},
  ): Promise<ReindexResult> {
    const batchSize = options.batchSize ?? 1000;
    const maxPasses = options.maxPasses ?? 3;
    let total = 0;
    let passes = 0;
    while (passes < maxPasses) {
      passes++;
      let filledThisPass = 0;
      let after: string | null = null;
      for (;;) {
        const batch = await this.cases.fillSearchDocuments(after, batchSize);
        if (batch.lastId === null) break;
        after = batch.lastId;
        filledThisPass += batch.filled;
        options.onBatch?.(total + filledThisPass);
      }
      total += filledThisPass;
      if (filledThisPass === 0) break;
    }
    return { filled: total, passes };
  }
}
