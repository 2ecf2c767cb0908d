/** A signing key retired by a rotation (docs/operations.md, "Rotating the token key"). */
export interface RetiredKey {
  kid: string;
  secret: string;
  /** When it stopped signing (epoch ms): it verifies tokens issued before this, for one token lifetime after. */
  retiredAtMs: number;
}

const ENTRY = /^([A-Za-z0-9._-]{1,40}):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z):(.+)$/s;
export const RETIRED_KEY_FORMAT =
  'kid:retired-at:secret (retired-at in UTC, e.g. 2026-12-01T10:00:00Z; secret ≥ 32 characters)';

/** JWT_PREVIOUS_KEYS, `kid:retired-at:secret,…`; null when an entry does not parse. */
export function parseRetiredKeys(value: string): RetiredKey[] | null {
  const keys: RetiredKey[] = [];
  for (const entry of value.split(',').filter(Boolean)) {
    const match = ENTRY.exec(entry.trim());
    const retiredAtMs = match ? Date.parse(match[2]) : Number.NaN;
    if (!match || Number.isNaN(retiredAtMs) || match[3].length < 32) return null;
    keys.push({ kid: match[1], retiredAtMs, secret: match[3] });
  }
  return keys;
}

/** Whether a retired key may still verify a token issued at `issuedAt`, now. */
export function retiredKeyAccepts(key: RetiredKey, issuedAt: Date, now: Date, ttlSeconds: number): boolean {
  return issuedAt.getTime() <= key.retiredAtMs && now.getTime() < key.retiredAtMs + ttlSeconds * 1000;
}
