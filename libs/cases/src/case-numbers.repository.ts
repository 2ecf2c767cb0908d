import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';

/** `case_number_seq`: the one sequence case numbers come from. */
@Injectable()
export class CaseNumbersRepository {
  constructor(private readonly db: TransactionService) {}

  /** On the pool, never in the caller's transaction: the block is shared by concurrent registrations. */
  async take(count: number): Promise<number[]> {
    const rows: { n: string }[] = await this.db.poolManager.query(
      `SELECT nextval('case_number_seq') AS n FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((r) => Number(r.n));
  }
}
