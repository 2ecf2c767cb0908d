import { Injectable, Logger } from '@nestjs/common';
import { addMs, Clock, HOUR_MS } from '@hotline/clock';
import { AppConfig } from '@hotline/config';
import { DomainError, isDomainError } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { isRecordable, RecordedAnswer, replayOf } from './domain/replay';
import { RequestIdentity, requestFingerprint } from './domain/request-fingerprint';
import { IdempotencyKeysRepository, KeyEntry } from './idempotency-keys.repository';

/** A request that carried an Idempotency-Key. */
export interface IdempotentRequest extends RequestIdentity {
  principalId: string;
  key: string;
}

export interface IdempotentOutcome {
  answer: RecordedAnswer;
  /** True when the answer is the one first given under the key, not this request's own. */
  replayed: boolean;
}

const PURGE_BATCH = 10_000;

/**
 * Safe retries (docs/api.md, "Safe retries"; the IETF httpapi Idempotency-Key draft): a request's
 * work runs at most once per user and key, and a retry gets the first answer again.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(
    private readonly db: TransactionService,
    private readonly keys: IdempotencyKeysRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` in one transaction with the key's reservation, so its effects and its answer
   * commit together. A retry while that transaction runs waits for it (up to IDEMPOTENCY_WAIT_MS,
   * then 409 `idempotency.in_progress`) and replays its answer; another request under the key is a
   * 422 `idempotency.key_reused`. When `work` fails, its effects are rolled back and the refusal
   * `answerOf` names is kept (a 4xx), unless it is a server error: then the retry runs again.
   */
  async execute(
    request: IdempotentRequest,
    work: () => Promise<RecordedAnswer>,
    answerOf: (error: unknown) => RecordedAnswer,
  ): Promise<IdempotentOutcome> {
    const entry = this.entryFor(request);
    try {
      return await this.db.run(async () => {
        const reservation = await this.keys.reserve(entry, this.config.IDEMPOTENCY_WAIT_MS);
        if (reservation.kind === 'busy') {
          throw new DomainError(
            'idempotency.in_progress',
            'A request with this Idempotency-Key is still being processed; retry shortly',
            [],
            1,
          );
        }
        if (reservation.kind === 'recorded') {
          return { answer: replayOf(reservation.recorded, entry.fingerprint), replayed: true };
        }
        const answer = await work();
        await this.keys.complete(entry, answer);
        return { answer, replayed: false };
      });
    } catch (error) {
      if (!isKeyRefusal(error)) await this.rememberRefusal(entry, answerOf(error));
      throw error;
    }
  }

  /** Forgets answers whose time is up (the worker, every few minutes); returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const deleted = await this.keys.purgeExpired(now, PURGE_BATCH);
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }

  private entryFor(request: IdempotentRequest): KeyEntry {
    const createdAt = this.clock.now();
    return {
      principalId: request.principalId,
      key: request.key,
      fingerprint: requestFingerprint(request),
      method: request.method,
      path: request.path,
      createdAt,
      expiresAt: addMs(createdAt, this.config.IDEMPOTENCY_RETENTION_HOURS * HOUR_MS),
    };
  }

  private async rememberRefusal(entry: KeyEntry, answer: RecordedAnswer): Promise<void> {
    if (!isRecordable(answer.status)) return;
    try {
      await this.keys.remember(entry, answer);
    } catch (error) {
      // The refusal still reaches the client; only its replay is lost: a retry runs again.
      this.logger.warn(`refusal under an Idempotency-Key not kept: ${(error as Error).message}`);
    }
  }
}

/** Refusals about the key itself: they belong to no request, so nothing is kept for them. */
function isKeyRefusal(error: unknown): boolean {
  return isDomainError(error) && error.reason.startsWith('idempotency.');
}
