import { Injectable } from '@nestjs/common';
import { isLockTimeout, TransactionService } from '@hotline/database';
import type { RecordedAnswer, RecordedRequest } from './domain/replay';

/** A key as the service files it: who sent it, for which request, until when. */
export interface KeyEntry {
  principalId: string;
  key: string;
  fingerprint: string;
  method: string;
  path: string;
  createdAt: Date;
  expiresAt: Date;
}

/** `reserved`: the key is the caller's until its transaction ends; `busy`: another request held it too long. */
export type Reservation = { kind: 'reserved' } | { kind: 'recorded'; recorded: RecordedRequest } | { kind: 'busy' };

// Inserts the key, or takes over a row whose time is up (not purged yet). A row another transaction
// inserted and has not committed makes this wait on the primary key: the retry waits for the first.
const CLAIM = `
  INSERT INTO idempotency_keys AS k
    (principal_id, idempotency_key, fingerprint, method, path, response_status, response_body, created_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7::json, $8, $9)
  ON CONFLICT (principal_id, idempotency_key) DO UPDATE
     SET fingerprint = EXCLUDED.fingerprint, method = EXCLUDED.method, path = EXCLUDED.path,
         response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body,
         created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
   WHERE k.expires_at <= EXCLUDED.created_at
  RETURNING 1 AS claimed`;

interface RecordedRow {
  fingerprint: string;
  method: string;
  path: string;
  response_status: number;
  response_body: unknown;
}

/** `idempotency_keys`: one row per (user, Idempotency-Key), the first answer given under it. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly db: TransactionService) {}

  /**
   * In the caller's transaction: claims the key (atomic in PostgreSQL, so every api process agrees),
   * or reads the answer recorded under it. Waits at most `waitMs` for a request that holds the key.
   */
  async reserve(entry: KeyEntry, waitMs: number): Promise<Reservation> {
    const manager = this.db.manager;
    await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${waitMs}ms`]);
    let claimed: unknown[];
    try {
      claimed = await manager.query(CLAIM, claimParameters(entry, null));
    } catch (error) {
      if (isLockTimeout(error)) return { kind: 'busy' };
      throw error;
    }
    // The request's own work waits for locks as it always did.
    await manager.query(`SET LOCAL lock_timeout TO DEFAULT`);
    if (claimed.length > 0) return { kind: 'reserved' };
    const [row]: RecordedRow[] = await manager.query(
      `SELECT fingerprint, method, path, response_status, response_body FROM idempotency_keys
        WHERE principal_id = $1 AND idempotency_key = $2`,
      [entry.principalId, entry.key],
    );
    // Gone between the two statements (its time ran out and the purge took it): the retry may run.
    if (!row) return { kind: 'busy' };
    return {
      kind: 'recorded',
      recorded: {
        fingerprint: row.fingerprint,
        method: row.method,
        path: row.path,
        answer: { status: row.response_status, body: row.response_body },
      },
    };
  }

  /** The answer of the request that reserved the key, in its transaction. */
  async complete(entry: KeyEntry, answer: RecordedAnswer): Promise<void> {
    await this.db.manager.query(
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4::json
        WHERE principal_id = $1 AND idempotency_key = $2`,
      [entry.principalId, entry.key, answer.status, jsonOrNull(answer.body)],
    );
  }

  /** A refusal, kept after its transaction was rolled back; a row another request holds or kept wins. */
  async remember(entry: KeyEntry, answer: RecordedAnswer): Promise<void> {
    await this.db.manager.query(CLAIM, claimParameters(entry, answer));
  }

  /** Deletes up to `batchSize` rows whose time is up; returns how many. */
  async purgeExpired(now: Date, batchSize: number): Promise<number> {
    const [, deleted]: [unknown, number] = await this.db.manager.query(
      `DELETE FROM idempotency_keys WHERE (principal_id, idempotency_key) IN (
         SELECT principal_id, idempotency_key FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2)`,
      [now, batchSize],
    );
    return deleted;
  }
}

function claimParameters(entry: KeyEntry, answer: RecordedAnswer | null): unknown[] {
  return [
    entry.principalId,
    entry.key,
    entry.fingerprint,
    entry.method,
    entry.path,
    answer?.status ?? null,
    answer ? jsonOrNull(answer.body) : null,
    entry.createdAt,
    entry.expiresAt,
  ];
}

/** As text for `::json`: the driver would send a JavaScript array as a PostgreSQL array. */
function jsonOrNull(body: unknown): string | null {
  return body === undefined ? null : JSON.stringify(body);
}
