/** A wait that doubles with each try: `firstMs` before the second, never more than `maxMs`. */
export function doublingDelayMs(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
}
