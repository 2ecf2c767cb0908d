import { Injectable } from '@nestjs/common';
import { DomainError } from '@hotline/core';
import type { Principal } from './domain/principal';
import { PasswordHasherService } from './password-hasher.service';
import { SignInLimitsRepository } from './sign-in-limits.repository';
import { TokenService } from './token.service';
import { UserStatusService } from './user-status.service';
import { UsersService } from './users.service';

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
    private readonly tokens: TokenService,
    private readonly limits: SignInLimitsRepository,
    private readonly status: UserStatusService,
  ) {}

  /**
   * Sign-in. No turn for a password check (this second's are spent, or the queue is full) answers 503
   * before anything else; a username or address
   * that failed too often is refused before any password check (429); one answer for an unknown user and a wrong password, so usernames cannot be probed.
   */
  async issueToken(username: string, password: string, address?: string): Promise<IssuedToken> {
    await this.hasher.admit();
    const lockedFor = await this.limits.lockedFor(username, address);
    if (lockedFor > 0) {
      throw new DomainError('auth.too_many_attempts', 'Too many failed sign-ins; retry later', [], lockedFor);
    }
    const user = await this.users.findActiveByUsername(username);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.limits.recordFailure(username, address);
      throw new DomainError('auth.bad_credentials', 'Invalid username or password');
    }
    await this.limits.clearUsername(username);
    return this.tokenFor(user);
  }

  /** A bearer token's principal, if the token verifies and its user may still act. */
  async authenticate(token: string): Promise<Principal> {
    const verified = await this.tokens.verify(token);
    await this.status.requireCurrent(verified);
    return verified.principal;
  }

  /** A user changes their own password; their other tokens stop working, this answer is a new one. */
  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string): Promise<IssuedToken> {
    const user = await this.users.changeOwnPassword(principal, currentPassword, newPassword);
    this.status.forget(user.id);
    return this.tokenFor(user);
  }

  private async tokenFor(user: {
    id: string;
    username: string;
    role: Principal['role'];
    unitCode: string | null;
    tokenVersion: number;
  }): Promise<IssuedToken> {
    const principal = { userId: user.id, username: user.username, role: user.role, unitCode: user.unitCode };
    const accessToken = await this.tokens.issue(principal, user.tokenVersion);
    return { accessToken, expiresIn: this.tokens.ttlSeconds };
  }
}
