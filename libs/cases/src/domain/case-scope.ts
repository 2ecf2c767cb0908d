import type { Actor } from './actor';

/**
 * Who may see a case (docs/product.md, "Privacy and access"): centre staff and the system see all;
 * a handler sees a case its unit is or was assigned to (lead or co-handler, cancelled orders
 * included). Any other case answers 404, exactly like an unknown id, so ids do not leak.
 */
export function isUnitScoped(viewer: Pick<Actor, 'role'>): boolean {
  return viewer.role === 'handler';
}

export function canSee(viewer: Pick<Actor, 'role' | 'unitCode'>, c: { unitCodes: readonly string[] }): boolean {
  return !isUnitScoped(viewer) || (viewer.unitCode !== null && c.unitCodes.includes(viewer.unitCode));
}

/** Every unit that is or was on the case, after it is (re)assigned to `lead` and `co`. */
export function withAssignedUnits(
  unitCodes: readonly string[],
  lead: string | null | undefined,
  co: readonly string[] = [],
): string[] {
  return [...new Set([...unitCodes, ...(lead ? [lead] : []), ...co])];
}
