import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { isForeignKeyViolation, isUniqueViolation } from '@hotline/database';
import type { Principal } from './domain/principal';
import type { VerifiedToken } from './token.service';
import { UsersRepository, UserStatus } from './users.repository';

/** Users remembered per api process; beyond this the oldest half is forgotten. */
const CACHE_MAX = 20_000;

interface Remembered {
  status: UserStatus | null;
  until: number;
}

/**
 * Whether a verified token's user may still act: active, and the token of the user's current
 * version (a disable, a role, unit or password change bumps it). Each process keeps what it read
 * for USER_STATUS_CACHE_MS, so a change reaches every api process within that (docs/api.md,
 * "Users"). Single sign-on identities get a local row on first sight, so they can be disabled.
 */
@Injectable()
export class UserStatusService {
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  async requireCurrent({ principal, tokenVersion }: VerifiedToken): Promise<void> {
    const status = await this.statusOf(principal, tokenVersion === null);
    if (!status?.active || (tokenVersion !== null && status.tokenVersion !== tokenVersion)) {
      throw new DomainError('auth.token_revoked', 'This sign-in is no longer valid; sign in again');
    }
  }

  /** Forgets a user here at once (this process made the change; others follow within the cache time). */
  forget(userId: string): void {
    this.remembered.delete(userId);
  }

  private async statusOf(principal: Principal, external: boolean): Promise<UserStatus | null> {
    const now = performance.now();
    const hit = this.remembered.get(principal.userId);
    if (hit && hit.until > now) return hit.status;
    const status = external ? await this.ssoStatus(principal) : await this.users.statusOf(principal.userId);
    if (this.remembered.size >= CACHE_MAX) this.forgetOldest();
    this.remembered.set(principal.userId, { status, until: now + this.config.USER_STATUS_CACHE_MS });
    return status;
  }

  private async ssoStatus(principal: Principal): Promise<UserStatus | null> {
    try {
      return await this.users.upsertSso({
        id: principal.userId,
        username: principal.username,
        role: principal.role,
        unitCode: principal.unitCode,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ux_users_username')) {
        throw new DomainError('auth.token_invalid', `The username ${principal.username} belongs to a local account`);
      }
      if (isForeignKeyViolation(error, 'fk_users_unit')) {
        throw new DomainError('auth.token_invalid', "The token's unit is not a known unit");
      }
      throw error;
    }
  }

  private forgetOldest(): void {
    const keys = [...this.remembered.keys()];
    for (const key of keys.slice(0, keys.length / 2)) this.remembered.delete(key);
  }
}
