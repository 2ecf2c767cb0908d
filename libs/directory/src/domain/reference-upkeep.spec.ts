import { reasonOf } from '@hotline/core/testing';
import {
  appliesNow,
  categoryPath,
  checkCategoryParent,
  checkHotlinePatch,
  checkUnitParent,
  fieldsToChange,
  levelUnder,
} from './reference-upkeep';

const reasons = (problems: { reason: string }[]) => problems.map((p) => p.reason);

describe('reference upkeep rules', () => {
  it('keeps each unit under a parent of the kind above it, or under none', () => {
    const district = { kind: 'district' as const, active: true };
    const street = { kind: 'street' as const, active: true };
    expect(checkUnitParent('street', '110105', district)).toEqual([]);
    expect(checkUnitParent('community', '110105001', street)).toEqual([]);
    expect(reasons(checkUnitParent('community', '110105', district))).toEqual(['wrong_kind']);
    expect(reasons(checkUnitParent('street', null, undefined))).toEqual(['required']);
    expect(reasons(checkUnitParent('street', 'X', undefined))).toEqual(['unknown_unit']);
    expect(reasons(checkUnitParent('street', '110105', { ...district, active: false }))).toEqual(['not_active']);
    expect(reasons(checkUnitParent('department', '110105', district))).toEqual(['no_parent']);
    expect(checkUnitParent('utility', null, undefined)).toEqual([]);
  });

  it('moves a category only under one a level above it, so a leaf stays a leaf', () => {
    expect(checkCategoryParent(3, '0102', { level: 2, active: true })).toEqual([]);
    expect(reasons(checkCategoryParent(3, '01', { level: 1, active: true }))).toEqual(['wrong_level']);
    expect(reasons(checkCategoryParent(3, '0102', { level: 2, active: false }))).toEqual(['not_active']);
    expect(reasons(checkCategoryParent(1, '01', { level: 1, active: true }))).toEqual(['no_parent']);
    expect(reasons(checkCategoryParent(2, undefined, undefined))).toEqual(['required']);
    expect(levelUnder(undefined)).toBe(1);
    expect(levelUnder({ level: 2 })).toBe(3);
  });

  it('keeps the primary line on and numbered; other lines may change freely', () => {
    expect(reasons(checkHotlinePatch('primary', { active: false, number: null }))).toEqual([
      'primary_line',
      'primary_line',
    ]);
    expect(checkHotlinePatch('utility', { active: false, number: null })).toEqual([]);
  });

  it('covers a category by the tree, nearest first, and survives a loop in bad data', () => {
    const tree = new Map([
      ['010101', { parentCode: '0102' }],
      ['0102', { parentCode: '01' }],
      ['01', { parentCode: null }],
      ['A', { parentCode: 'B' }],
      ['B', { parentCode: 'A' }],
    ]);
    expect(categoryPath('010101', tree)).toEqual(['010101', '0102', '01']);
    expect(categoryPath('A', tree)).toEqual(['A', 'B']);
    expect(categoryPath('unknown', tree)).toEqual(['unknown']);
  });

  it('applies at once unless the effective time is still ahead', () => {
    const now = new Date('2026-12-03T08:00:00Z');
    expect(appliesNow(undefined, now)).toBe(true);
    expect(appliesNow(new Date('2026-12-03T07:00:00Z'), now)).toBe(true);
    expect(appliesNow(new Date('2026-12-03T09:00:00Z'), now)).toBe(false);
  });

  it('refuses a patch that changes nothing', () => {
    expect(fieldsToChange({ name: '建外', active: undefined })).toEqual({ name: '建外' });
    expect(fieldsToChange({ parentCode: null })).toEqual({ parentCode: null });
    expect(reasonOf(() => fieldsToChange({ name: undefined }))).toBe('input.invalid');
  });
});
