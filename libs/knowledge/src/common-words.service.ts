import { Injectable, Logger } from '@nestjs/common';
import { KnowledgeRepository } from './knowledge.repository';

/** How long the common words' counts are used before they are read again. */
const FRESH_MS = 10 * 60_000;

/**
 * The most common words of the knowledge base with their counts (KnowledgeRepository.commonWordCounts),
 * read once per process and then again every ten minutes, in the background: the counts only steer
 * which words choose entries, so a stale table costs nothing but a little speed. Freshness is elapsed
 * process time (monotonic), not business time: the Clock may be moved.
 */
@Injectable()
export class CommonWordsService {
  private readonly logger = new Logger(CommonWordsService.name);
  private current: { at: number; counts: Map<string, number> } | undefined;
  private reading: Promise<Map<string, number>> | undefined;

  constructor(private readonly entries: KnowledgeRepository) {}

  async get(): Promise<Map<string, number>> {
    if (!this.current) return this.read();
    if (performance.now() - this.current.at > FRESH_MS) {
      this.read().catch((error: Error) => this.logger.warn(`reading the common words failed: ${error.message}`));
    }
    return this.current.counts;
  }

  private read(): Promise<Map<string, number>> {
    this.reading ??= this.entries
      .commonWordCounts()
      .then((counts) => {
        this.current = { at: performance.now(), counts };
        return counts;
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }
}
