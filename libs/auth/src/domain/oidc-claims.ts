import { createHash } from 'node:crypto';
import { DomainError } from '@hotline/core';
import { Principal, ROLES, Role } from './principal';

export interface OidcClaimNames {
  role: string;
  unit: string;
}

/**
 * Maps an external provider's verified claims to a principal: the role claim must name one of our
 * roles (a string or a list; the first known one wins), a handler must carry a unit. The user id is
 * a UUID derived from issuer and subject, stable across sign-ins.
 */
export function principalFromOidc(claims: Record<string, unknown>, issuer: string, names: OidcClaimNames): Principal {
  const raw = claims[names.role];
  const candidates = Array.isArray(raw) ? raw : [raw];
  const role = candidates.find((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  if (!role)
    throw new DomainError('auth.token_invalid', `The token's ${names.role} claim names no role of this system`);
  const unit = claims[names.unit];
  const unitCode = role === 'handler' && typeof unit === 'string' && unit ? unit : null;
  if (role === 'handler' && !unitCode)
    throw new DomainError('auth.token_invalid', `A handler's token needs a ${names.unit} claim`);
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  if (!subject) throw new DomainError('auth.token_invalid', 'The token has no subject');
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : subject;
  return { userId: nameUuid(`${issuer}|${subject}`), username, role, unitCode };
}

/** A name-based (v5-style) UUID: the same name always gives the same id. */
function nameUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
