import { Injectable } from '@nestjs/common';
import { TransactionService } from '@hotline/database';
import { CallbackClaimEntity } from './entities/callback-claim.entity';

/** `callback_claims`: which agent is calling which case's citizen back. */
@Injectable()
export class CallbackClaimsRepository {
  constructor(private readonly db: TransactionService) {}

  find(caseId: string): Promise<CallbackClaimEntity | null> {
    return this.db.manager.findOneBy(CallbackClaimEntity, { caseId });
  }

  async put(claim: CallbackClaimEntity): Promise<void> {
    await this.db.manager.upsert(CallbackClaimEntity, claim, ['caseId']);
  }

  async remove(caseId: string): Promise<void> {
    await this.db.manager.delete(CallbackClaimEntity, { caseId });
  }

  /** The cases claimed since `since` (live claims), by anyone or by one agent. */
  async liveCaseIds(since: Date, claimedBy?: string): Promise<string[]> {
    const rows: { case_id: string }[] = await this.db.manager.query(
      `SELECT case_id FROM callback_claims WHERE claimed_at > $1 AND ($2::uuid IS NULL OR claimed_by = $2)`,
      [since, claimedBy ?? null],
    );
    return rows.map((r) => r.case_id);
  }

  /** The live claims of these cases, by case id. */
  async liveOf(caseIds: readonly string[], since: Date): Promise<Map<string, CallbackClaimEntity>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(CallbackClaimEntity, 'k')
      .where('k.caseId IN (:...caseIds) AND k.claimedAt > :since', { caseIds: [...caseIds], since })
      .getMany();
    return new Map(rows.map((row) => [row.caseId, row]));
  }
}
