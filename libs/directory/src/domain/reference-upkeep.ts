import { DomainError, type FieldError } from '@hotline/core';
import type { MergeMode, UnitKind } from './reference-types';

/**
 * Reference-data upkeep (docs/product.md, "Reference data upkeep"): what an admin may change in the
 * directory, and which changes keep it sound. Every change is a versioned, effective-dated record
 * (`reference_changes`); these rules decide whether one may be made.
 */
export const REFERENCE_ENTITIES = ['hotline', 'unit', 'category', 'dispatch_rule', 'sla_policy'] as const;
export type ReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

/** scheduled → applied (at its effective time) | cancelled (by an admin) | failed (no longer valid then). */
export const REFERENCE_CHANGE_STATUSES = ['scheduled', 'applied', 'cancelled', 'failed'] as const;
export type ReferenceChangeStatus = (typeof REFERENCE_CHANGE_STATUSES)[number];

export interface HotlinePatch {
  number?: string | null;
  name?: string;
  mergeMode?: MergeMode | null;
  active?: boolean;
}

export interface UnitPatch {
  name?: string;
  parentCode?: string | null;
  active?: boolean;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode?: string | null;
}

export interface CategoryPatch {
  name?: string;
  parentCode?: string;
  active?: boolean;
}

export interface NewCategory {
  code: string;
  name: string;
  parentCode?: string | null;
}

/** The parent kind each unit kind sits under; none for districts, departments and utilities. */
const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  district: null,
  street: 'district',
  community: 'street',
  department: null,
  utility: null,
};

/** A unit sits under a parent of the kind above its own (a street under a district…), or under none. */
export function checkUnitParent(
  kind: UnitKind,
  parentCode: string | null | undefined,
  parent: { kind: UnitKind; active: boolean } | undefined,
): FieldError[] {
  const wanted = PARENT_KIND[kind];
  if (!wanted) {
    return parentCode ? [{ field: 'parentCode', message: `a ${kind} has no parent unit`, reason: 'no_parent' }] : [];
  }
  if (!parentCode) return [{ field: 'parentCode', message: `a ${kind} sits under a ${wanted}`, reason: 'required' }];
  if (!parent) return [{ field: 'parentCode', message: 'is not a known unit', reason: 'unknown_unit' }];
  if (parent.kind !== wanted) {
    return [
      { field: 'parentCode', message: `a ${kind} sits under a ${wanted}, not a ${parent.kind}`, reason: 'wrong_kind' },
    ];
  }
  if (!parent.active) return [{ field: 'parentCode', message: 'is no longer active', reason: 'not_active' }];
  return [];
}

/**
 * A category sits one level below its parent (three levels: 大类 › 中类 › 小类); a move keeps the level —
 * a leaf stays a leaf, so the cases registered on it keep a valid category. Codes never change: cases,
 * rules and figures cite them.
 */
export function checkCategoryParent(
  level: number,
  parentCode: string | null | undefined,
  parent: { level: number; active: boolean } | undefined,
): FieldError[] {
  if (level === 1) {
    return parentCode
      ? [{ field: 'parentCode', message: 'a top-level category has no parent', reason: 'no_parent' }]
      : [];
  }
  if (!parentCode) return [{ field: 'parentCode', message: 'is required below the top level', reason: 'required' }];
  if (!parent) return [{ field: 'parentCode', message: 'is not a known category', reason: 'unknown_category' }];
  if (parent.level !== level - 1) {
    return [
      {
        field: 'parentCode',
        message: `a level-${level} category sits under a level-${level - 1} one`,
        reason: 'wrong_level',
      },
    ];
  }
  if (!parent.active) return [{ field: 'parentCode', message: 'is no longer active', reason: 'not_active' }];
  return [];
}

/** A category's level from its parent's: top level without one. */
export function levelUnder(parent: { level: number } | undefined): number {
  return parent ? parent.level + 1 : 1;
}

/** The primary line (12345) cannot be switched off or lose its number: every case is registered on it. */
export function checkHotlinePatch(kind: string, patch: HotlinePatch): FieldError[] {
  if (kind !== 'primary') return [];
  const problems: FieldError[] = [];
  if (patch.active === false) {
    problems.push({ field: 'active', message: 'the primary line cannot be deactivated', reason: 'primary_line' });
  }
  if (patch.number === null) {
    problems.push({ field: 'number', message: 'the primary line keeps a number', reason: 'primary_line' });
  }
  return problems;
}

/** A change is applied at once unless it names a time still ahead. */
export function appliesNow(effectiveFrom: Date | undefined, now: Date): boolean {
  return !effectiveFrom || effectiveFrom.getTime() <= now.getTime();
}

/** The category and its ancestors, nearest first: what "this category and everything below it" covers by the tree. */
export function categoryPath(code: string, categories: ReadonlyMap<string, { parentCode: string | null }>): string[] {
  const path: string[] = [];
  for (let at: string | null = code; at && !path.includes(at); at = categories.get(at)?.parentCode ?? null) {
    path.push(at);
  }
  return path;
}

/** The fields a patch sets (undefined ones dropped); a patch that sets none is refused, naming the body. */
export function fieldsToChange(patch: Record<string, unknown>): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(fields).length === 0) {
    throw DomainError.validation([{ field: 'body', message: 'names nothing to change', reason: 'empty' }]);
  }
  return fields;
}
