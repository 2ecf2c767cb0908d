import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import pLimit from 'p-limit';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';

/**
 * argon2id, bounded: each check costs tens of milliseconds of CPU, so a flood of sign-ins would
 * otherwise take every core from the agents' requests. At most AUTH_HASH_CONCURRENCY run at once;
 * beyond AUTH_HASH_QUEUE waiting, a sign-in answers 503 `auth.busy` at once (docs/decisions.md,
 * "Sign-in abuse").
 */
/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): the library's default (64 MiB,
 * 3 passes, 4 lanes on 4 threads) cost ~400 ms of CPU per check on this machine and one check took
 * every core, so the concurrency bound bounded nothing (measured with `npm run bench -- sign-in-flood`).
 * A hash records its own parameters: hashes made with the old ones still verify.
 */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasherService {
  /** A hash of a random password, verified when the username is unknown so timing tells nothing. */
  private readonly decoy = argon2.hash(`decoy-${Math.random()}`, HASH_OPTIONS);
  private readonly limit: pLimit.Limit;

  constructor(private readonly config: AppConfig) {
    this.limit = pLimit(config.AUTH_HASH_CONCURRENCY);
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => argon2.hash(password, HASH_OPTIONS));
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const against = hash ?? (await this.decoy);
    return this.bounded(async () => {
      try {
        return await argon2.verify(against, password);
      } catch {
        return false;
      }
    });
  }

  /**
   * Refuses at once when the queue is full: called before a sign-in's first database read, so a flood
   * beyond what the process can check costs almost nothing.
   */
  admit(): void {
    if (this.limit.pendingCount >= this.config.AUTH_HASH_QUEUE) {
      throw new DomainError('auth.busy', 'Too many sign-ins at once; retry shortly', [], 2);
    }
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    this.admit();
    return this.limit(work);
  }
}
