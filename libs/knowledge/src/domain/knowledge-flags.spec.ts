import { DomainError } from '@hotline/core';
import { assertMayResolve, assertOpenFlag, citationProblems, mayFlag, ownerScope, shareOf } from './knowledge-flags';

const handler = (unitCode: string) => ({ role: 'handler' as const, unitCode });
const agent = { role: 'agent' as const, unitCode: null };
const supervisor = { role: 'supervisor' as const, unitCode: null };

const reasonOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).reason;
  }
  return null;
};

describe('knowledge flags and citations (docs/api.md, "Knowledge base")', () => {
  it('lets the floor flag: agents and supervisors, not handlers or admins', () => {
    expect(mayFlag(agent)).toBe(true);
    expect(mayFlag(supervisor)).toBe(true);
    expect(mayFlag(handler('110105001'))).toBe(false);
    expect(mayFlag({ role: 'admin', unitCode: null })).toBe(false);
  });

  it('limits a handler to their own unit, and lets the centre choose', () => {
    expect(ownerScope(handler('110105001'), undefined)).toBe('110105001');
    expect(ownerScope(handler('110105001'), '110105001')).toBe('110105001');
    expect(reasonOf(() => ownerScope(handler('110105001'), '110108001'))).toBe('knowledge.other_unit');
    expect(ownerScope(supervisor, undefined)).toBeNull();
    expect(ownerScope(supervisor, '110108001')).toBe('110108001');
  });

  it('lets the owner’s handlers and supervisors resolve, once', () => {
    expect(reasonOf(() => assertMayResolve(handler('A'), 'A'))).toBeNull();
    expect(reasonOf(() => assertMayResolve(supervisor, 'A'))).toBeNull();
    expect(reasonOf(() => assertMayResolve(handler('B'), 'A'))).toBe('knowledge.other_unit');
    expect(reasonOf(() => assertMayResolve(agent, 'A'))).toBe('auth.role_forbidden');
    expect(reasonOf(() => assertOpenFlag('open'))).toBeNull();
    expect(reasonOf(() => assertOpenFlag('resolved'))).toBe('knowledge.flag_resolved');
  });

  it('names each entry an answer may not cite by its index', () => {
    const inEffect = new Map([['e1', 3]]);
    expect(citationProblems(['e1'], inEffect)).toEqual([]);
    expect(citationProblems(['e1', 'x', 'y'], inEffect)).toEqual([
      { field: 'knowledgeEntryIds.1', reason: 'not_citable', message: expect.stringContaining('x') },
      { field: 'knowledgeEntryIds.2', reason: 'not_citable', message: expect.stringContaining('y') },
    ]);
  });

  it('has no share of nothing', () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(1, 4)).toBe(0.25);
  });
});
