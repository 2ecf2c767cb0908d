import { Injectable } from '@nestjs/common';
import { CaseNumbersRepository } from './case-numbers.repository';

const BLOCK = 100;

/**
 * Hands out numbers of `case_number_seq` from blocks taken a hundred at a time, so registering a
 * case costs no extra round trip. Numbers stay unique across processes (the sequence guarantees
 * it); like the sequence's own cache, a restart leaves gaps, which case numbers may have.
 */
@Injectable()
export class CaseNumbersService {
  private block: number[] = [];
  private refill: Promise<void> | undefined;

  constructor(private readonly numbers: CaseNumbersRepository) {}

  async next(): Promise<number> {
    while (this.block.length === 0) {
      this.refill ??= this.numbers
        .take(BLOCK)
        .then((taken) => void this.block.push(...taken))
        .finally(() => (this.refill = undefined));
      await this.refill;
    }
    return this.block.shift()!;
  }
}
