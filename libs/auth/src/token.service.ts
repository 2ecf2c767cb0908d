import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { Principal, ROLES, Role } from './domain/principal';

interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  unitCode: string | null;
}

/** Bearer tokens (JWT, HS256, with expiry) carrying the principal. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.JWT_TTL_SECONDS;
  }

  issue(principal: Principal): Promise<string> {
    const claims: TokenClaims = {
      sub: principal.userId,
      username: principal.username,
      role: principal.role,
      unitCode: principal.unitCode,
    };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token');
    }
    if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role)) {
      throw new DomainError('UNAUTHENTICATED', 'Invalid token claims');
    }
    return { userId: claims.sub, username: claims.username, role: claims.role, unitCode: claims.unitCode ?? null };
  }
}
