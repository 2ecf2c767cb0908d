import { createHash } from 'node:crypto';

/**
 * The key the desk's rate limit counts a client by: a hash of its address, so the limiter's table
 * (kept only for its window) holds no address either.
 */
export function askerKey(address: string | undefined): string {
  return `ask:${createHash('sha256')
    .update(address ?? 'unknown')
    .digest('base64url')
    .slice(0, 22)}`;
}
