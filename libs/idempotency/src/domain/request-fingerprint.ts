import { createHash } from 'node:crypto';
import stableStringify from 'safe-stable-stringify';

/** What makes two requests "the same request" under one key (the principal scopes the key itself). */
export interface RequestIdentity {
  method: string;
  /** The path without the query string, e.g. `/api/v1/cases/…/sign`. */
  path: string;
  /** The parsed JSON body; no body counts as `{}` (an empty dispatch is the catalogue either way). */
  body: unknown;
}

/**
 * SHA-256 over method, path and the body in canonical form (object keys sorted), so a retry that
 * serialises the same body with its keys in another order is still the same request.
 */
export function requestFingerprint(request: RequestIdentity): string {
  const canonical = stableStringify([request.method.toUpperCase(), request.path, request.body ?? {}]);
  return createHash('sha256').update(canonical).digest('hex');
}
