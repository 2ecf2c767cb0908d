import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

const BLOCK = 100;

/**
 * Hands out numbers of `case_number_seq` from blocks taken a hundred at a time, so registering a
 * case costs no extra round trip. Numbers stay unique across processes (the sequence guarantees
 * it); like the sequence's own cache, a restart leaves gaps, which case numbers may have.
 */
@Injectable()
export class CaseNumberAllocator {
  private block: number[] = [];
  private refill: Promise<void> | undefined;

  async next(tx: EntityManager): Promise<number> {
    while (this.block.length === 0) {
      this.refill ??= this.take(tx).finally(() => (this.refill = undefined));
      await this.refill;
    }
    return this.block.shift()!;
  }

  private async take(tx: EntityManager): Promise<void> {
    const rows: { n: string }[] = await tx.query(
      `SELECT nextval('case_number_seq') AS n FROM generate_series(1, ${BLOCK})`,
    );
    this.block.push(...rows.map((r) => Number(r.n)));
  }
}
