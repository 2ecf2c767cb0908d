import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';

/** `case_number_seq`: the one sequence case numbers come from. */
@Injectable()
export class CaseNumbersRepository {
  constructor(private readonly db: TransactionService) {}

  /**
   * On the caller's connection (inside its transaction: sequence values are never rolled back). Not
   * on a second pool connection: with every connection held by a registration waiting for this
   * block, that would wait for ever.
   */
  async take(count: number): Promise<number[]> {
    const rows: { n: string }[] = await this.db.manager.query(
      `SELECT nextval('case_number_seq') AS n FROM generate_series(1, $1)`,
      [count],
    );
    return rows.map((r) => Number(r.n));
  }
}
