import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { Clock, instant } from '@hotline/clock';
import { AppConfig, parseRetiredKeys, RetiredKey, retiredKeyAccepts } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { principalFromOidc } from './domain/oidc-claims';
import { Principal, ROLES, Role } from './domain/principal';

interface TokenClaims {
  sub: string;
  iat?: number;
  username: string;
  role: Role;
  unitCode: string | null;
  /** The user's token version when issued (users.token_version); absent in tokens older than it. */
  ver?: number;
}

/** A verified bearer token: who, and for our own tokens the user's token version it carries. */
export interface VerifiedToken {
  principal: Principal;
  /** null for an identity provider's token (single sign-on). */
  tokenVersion: number | null;
}

/**
 * Bearer tokens. Our own: JWT HS256 with expiry, signed with JWT_SECRET under its `kid`; keys
 * retired by a rotation (JWT_PREVIOUS_KEYS) still verify what they signed before retirement, for one
 * token lifetime (docs/operations.md, "Rotating the token key"). Optionally, tokens of an external OIDC
 * provider (single sign-on), verified against its JWKS and mapped to a role and unit.
 */
@Injectable()
export class TokenService {
  private readonly keys: ReadonlyMap<string, KeyObject>;
  private readonly retired: ReadonlyMap<string, RetiredKey>;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    // The config class has validated the format already.
    const previous = parseRetiredKeys(config.JWT_PREVIOUS_KEYS) ?? [];
    this.retired = new Map(previous.map((key) => [key.kid, key]));
    // KeyObjects made once: given a string, jsonwebtoken re-parses it on every verification.
    this.keys = new Map(
      [[config.JWT_KEY_ID, config.JWT_SECRET] as const, ...previous.map((key) => [key.kid, key.secret] as const)].map(
        ([kid, secret]) => [kid, createSecretKey(Buffer.from(secret, 'utf8'))],
      ),
    );
    this.jwks = config.OIDC_JWKS_URL ? createRemoteJWKSet(new URL(config.OIDC_JWKS_URL)) : undefined;
  }

  get ttlSeconds(): number {
    return this.config.JWT_TTL_SECONDS;
  }

  issue(principal: Principal, tokenVersion: number): Promise<string> {
    const claims: TokenClaims = {
      sub: principal.userId,
      username: principal.username,
      role: principal.role,
      unitCode: principal.unitCode,
      ver: tokenVersion,
    };
    return this.jwt.signAsync(claims, {
      keyid: this.config.JWT_KEY_ID,
      secret: this.keys.get(this.config.JWT_KEY_ID) as unknown as string,
    });
  }

  async verify(token: string): Promise<VerifiedToken> {
    let header: { alg?: string; kid?: string };
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new DomainError('auth.token_invalid', 'Invalid or expired token');
    }
    if (header.alg !== 'HS256') return { principal: await this.verifyExternal(token), tokenVersion: null };
    const key = this.keys.get(header.kid ?? '');
    if (!key) throw new DomainError('auth.token_invalid', 'Invalid or expired token');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        algorithms: ['HS256'],
        secret: key as unknown as string,
      });
    } catch {
      throw new DomainError('auth.token_invalid', 'Invalid or expired token');
    }
    const retired = this.retired.get(header.kid ?? '');
    if (retired && !retiredKeyAccepts(retired, instant((claims.iat ?? 0) * 1000), this.clock.now(), this.ttlSeconds)) {
      throw new DomainError('auth.token_invalid', 'Invalid or expired token');
    }
    if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role)) {
      throw new DomainError('auth.token_invalid', 'Invalid token claims');
    }
    return {
      principal: {
        userId: claims.sub,
        username: claims.username,
        role: claims.role,
        unitCode: claims.unitCode ?? null,
      },
      tokenVersion: typeof claims.ver === 'number' ? claims.ver : 1,
    };
  }

  private async verifyExternal(token: string): Promise<Principal> {
    if (!this.jwks) throw new DomainError('auth.token_invalid', 'Invalid or expired token');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        issuer: this.config.OIDC_ISSUER,
        audience: this.config.OIDC_AUDIENCE,
        algorithms: ['RS256', 'ES256', 'PS256'],
        // A provider's token without an expiry would work for ever.
        requiredClaims: ['exp'],
      }));
    } catch {
      throw new DomainError('auth.token_invalid', 'Invalid or expired token');
    }
    return principalFromOidc(payload, this.config.OIDC_ISSUER, {
      role: this.config.OIDC_ROLE_CLAIM,
      unit: this.config.OIDC_UNIT_CLAIM,
    });
  }
}
