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

/** Every unit that is or was on the case, after it is (re)assigned to `lead` and `co`, or forwarded to a community. */
export function withAssignedUnits(
  unitCodes: readonly string[],
  changes: Partial<{ leadUnitCode: string | null; coUnitCodes: readonly string[]; forwardedToUnitCode: string | null }>,
): string[] {
  const { leadUnitCode, coUnitCodes = [], forwardedToUnitCode } = changes;
  return [
    ...new Set([...unitCodes, ...[leadUnitCode, ...coUnitCodes, forwardedToUnitCode].filter((c) => !!c)]),
  ] as string[];
}

/** Whether a change touches who holds the case (and so who may see it). */
export function changesUnits(changes: {
  leadUnitCode?: unknown;
  coUnitCodes?: unknown;
  forwardedToUnitCode?: unknown;
}): boolean {
  return (
    changes.leadUnitCode !== undefined || changes.coUnitCodes !== undefined || changes.forwardedToUnitCode !== undefined
  );
}
