import { Injectable } from '@nestjs/common';
import { DomainError, type FieldError } from '@hotline/core';
import { DispatchRulesRepository } from './dispatch-rules.repository';
import { nameChecked, DispatchRulesService } from './dispatch-rules.service';
import {
  checkCategoryParent,
  checkHotlinePatch,
  checkUnitParent,
  levelUnder,
  type ReferenceEntity,
} from './domain/reference-upkeep';
import type { UnitKind } from './domain/reference-types';
import { checkSlaPolicy, type SlaPolicyInput } from './domain/sla-policy-validation';
import { ReferenceDataRepository } from './reference-data.repository';
import { ReferenceDataService } from './reference-data.service';
import { SlaPoliciesRepository } from './sla-policies.repository';

/** A change as asked: the row (by code, id or `current`), whether it is new, and the fields. */
export interface ReferenceChangeRequest {
  entity: ReferenceEntity;
  entityKey: string;
  op: 'create' | 'update';
  fields: Record<string, unknown>;
}

export interface ChangeOutcome {
  before: object | null;
  after: object;
}

type Step = (key: string, fields: Record<string, unknown>, apply: boolean) => Promise<ChangeOutcome | null>;

/**
 * How each kind of reference row is changed. Each step locks the row, checks the change against the data
 * as it is at that moment (a 400 naming every bad field) and — when `apply` — writes it, answering the row
 * before and after. A scheduled change is checked when asked and again when its time comes.
 */
@Injectable()
export class ReferenceAppliersService {
  private readonly steps: Partial<Record<`${ReferenceEntity}:${'create' | 'update'}`, Step>>;

  constructor(
    private readonly reference: ReferenceDataRepository,
    private readonly rules: DispatchRulesRepository,
    private readonly policies: SlaPoliciesRepository,
    private readonly directory: ReferenceDataService,
    private readonly catalogue: DispatchRulesService,
  ) {
    this.steps = {
      'hotline:update': (key, fields, apply) => this.updateHotline(key, fields, apply),
      'unit:create': (key, fields, apply) => this.createUnit(key, fields, apply),
      'unit:update': (key, fields, apply) => this.updateUnit(key, fields, apply),
      'category:create': (key, fields, apply) => this.createCategory(key, fields, apply),
      'category:update': (key, fields, apply) => this.updateCategory(key, fields, apply),
      'dispatch_rule:update': (key, fields, apply) => this.updateRule(key, fields, apply),
      'sla_policy:update': (_key, fields, apply) => this.replacePolicy(fields, apply),
    };
  }

  /** Checks the change (throws a 400 or 404) and, when `apply`, makes it; call it in a transaction. */
  async run(request: ReferenceChangeRequest, apply: boolean): Promise<ChangeOutcome | null> {
    const step = this.steps[`${request.entity}:${request.op}`];
    if (!step) throw new Error(`No ${request.op} step for ${request.entity}`);
    return step(request.entityKey, request.fields, apply);
  }

  private async updateHotline(code: string, fields: Record<string, unknown>, apply: boolean) {
    const row = await this.found(this.reference.lockRow('hotline', code), 'hotline', code);
    const problems = checkHotlinePatch(row.kind, fields);
    if (typeof fields.number === 'string' && (await this.reference.hotlineByNumber(fields.number, code))) {
      problems.push({ field: 'number', message: 'another active line answers on this number', reason: 'taken' });
    }
    assertSound(problems);
    return apply ? { before: row, after: await this.reference.updateRow('hotline', code, fields) } : null;
  }

  private async createUnit(code: string, fields: Record<string, unknown>, apply: boolean) {
    const problems: FieldError[] = [];
    if (await this.reference.lockRow('unit', code)) problems.push(taken('code', 'unit'));
    const parentCode = (fields.parentCode as string | null | undefined) ?? null;
    const parent = parentCode ? await this.reference.row('unit', parentCode) : null;
    problems.push(...checkUnitParent(fields.kind as UnitKind, parentCode, parent ?? undefined));
    assertSound(problems);
    if (!apply) return null;
    const after = await this.reference.insertRow('unit', { ...fields, code, parentCode, active: true });
    return { before: null, after };
  }

  private async updateUnit(code: string, fields: Record<string, unknown>, apply: boolean) {
    const row = await this.found(this.reference.lockRow('unit', code), 'unit', code);
    if ('parentCode' in fields) {
      const parentCode = fields.parentCode as string | null;
      const parent = parentCode ? await this.reference.row('unit', parentCode) : null;
      assertSound(checkUnitParent(row.kind, parentCode, parent ?? undefined));
    }
    return apply ? { before: row, after: await this.reference.updateRow('unit', code, fields) } : null;
  }

  private async createCategory(code: string, fields: Record<string, unknown>, apply: boolean) {
    const problems: FieldError[] = [];
    if (await this.reference.lockRow('category', code)) problems.push(taken('code', 'category'));
    const parentCode = (fields.parentCode as string | null | undefined) ?? null;
    const parent = parentCode ? await this.reference.row('category', parentCode) : null;
    if (parentCode && !parent) {
      problems.push({ field: 'parentCode', message: 'is not a known category', reason: 'unknown_category' });
    } else if (levelUnder(parent ?? undefined) > 3) {
      problems.push({ field: 'parentCode', message: 'categories have three levels', reason: 'too_deep' });
    }
    assertSound(problems);
    if (!apply) return null;
    const level = levelUnder(parent ?? undefined);
    const after = await this.reference.insertRow('category', { ...fields, code, parentCode, level, active: true });
    return { before: null, after };
  }

  private async updateCategory(code: string, fields: Record<string, unknown>, apply: boolean) {
    const row = await this.found(this.reference.lockRow('category', code), 'category', code);
    if ('parentCode' in fields) {
      const parentCode = fields.parentCode as string;
      const parent = await this.reference.row('category', parentCode);
      assertSound(checkCategoryParent(row.level, parentCode, parent ?? undefined));
    }
    return apply ? { before: row, after: await this.reference.updateRow('category', code, fields) } : null;
  }

  private async updateRule(id: string, fields: Record<string, unknown>, apply: boolean) {
    const rule = await this.found(this.rules.lock(id), 'dispatch_rule', id);
    assertSound(await this.catalogue.problemsOf({ ...rule, ...fields }));
    if (!apply) return null;
    return { before: rule, after: await nameChecked(fields.name, () => this.rules.update(id, fields)) };
  }

  private async replacePolicy(fields: Record<string, unknown>, apply: boolean) {
    const items = fields.items as SlaPolicyInput[];
    const facts = await this.directory.facts(
      [],
      items.map((i) => i.categoryCode),
    );
    assertSound(checkSlaPolicy(items, (code) => facts.categoryExists(code)));
    if (!apply) return null;
    await this.policies.lockForReplace();
    const before = await this.policies.all();
    await this.policies.replaceAll(items);
    return { before: { items: before }, after: { items: await this.policies.all() } };
  }

  private async found<T>(row: Promise<T | null>, entity: ReferenceEntity, key: string): Promise<T> {
    const found = await row;
    if (!found) throw new DomainError('reference.not_found', `No ${entity.replace('_', ' ')} ${key}`);
    return found;
  }
}

function assertSound(problems: readonly FieldError[]): void {
  if (problems.length > 0) throw DomainError.validation(problems);
}

function taken(field: string, what: string): FieldError {
  return { field, message: `is already used by another ${what}`, reason: 'taken' };
}
