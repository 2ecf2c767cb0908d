/**
 * Lanes let several relays publish at once without reordering a key's events: every key maps to
 * one lane, and a relay publishes a lane's rows only while it holds that lane's advisory lock.
 */
export const OUTBOX_LANES = 16;

/** FNV-1a 32-bit: stable across processes and releases (never change it with rows in flight). */
export function laneOf(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % OUTBOX_LANES;
}
