import { reasonOf } from '@hotline/core/testing';
import { authorize, type KnowledgeActor, may, readableVersion, unpublishedReach } from './knowledge-access';

const actor = (role: KnowledgeActor['role'], unitCode: string | null = null): KnowledgeActor => ({
  userId: 'u1',
  role,
  unitCode,
});
const heatingHandler = actor('handler', 'UTIL-HEATING');

describe('who may write the knowledge base', () => {
  it('lets a handler create and edit only their own unit’s entries', () => {
    expect(may(heatingHandler, 'create', 'UTIL-HEATING')).toBe(true);
    expect(may(heatingHandler, 'edit', 'UTIL-HEATING')).toBe(true);
    expect(reasonOf(() => authorize(heatingHandler, 'edit', 'UTIL-WATER'))).toBe('knowledge.other_unit');
    expect(reasonOf(() => authorize(heatingHandler, 'create', 'UTIL-WATER'))).toBe('knowledge.other_unit');
  });

  it('never lets a handler publish or retire, nor an agent write', () => {
    expect(reasonOf(() => authorize(heatingHandler, 'publish', 'UTIL-HEATING'))).toBe('auth.role_forbidden');
    expect(reasonOf(() => authorize(heatingHandler, 'retire', 'UTIL-HEATING'))).toBe('auth.role_forbidden');
    expect(reasonOf(() => authorize(actor('agent'), 'create', 'UTIL-HEATING'))).toBe('auth.role_forbidden');
  });

  it('lets supervisors and admins do everything to any unit’s entries', () => {
    for (const role of ['supervisor', 'admin'] as const) {
      for (const right of ['create', 'edit', 'publish', 'retire'] as const) {
        expect(reasonOf(() => authorize(actor(role), right, 'UTIL-WATER'))).toBe('allowed');
      }
    }
  });

  it('shows unpublished versions in a search to editors: all, one unit’s, or none', () => {
    expect(unpublishedReach(actor('supervisor'))).toEqual({ all: true, unitCode: null });
    expect(unpublishedReach(heatingHandler)).toEqual({ all: false, unitCode: 'UTIL-HEATING' });
    expect(unpublishedReach(actor('agent'))).toEqual({ all: false, unitCode: null });
  });
});

describe('readableVersion', () => {
  const pending = {
    status: 'published' as const,
    currentVersion: 3,
    publishedVersion: 2,
    ownerUnitCode: 'UTIL-HEATING',
  };
  const draft = { status: 'draft' as const, currentVersion: 1, publishedVersion: null, ownerUnitCode: 'UTIL-HEATING' };

  it('gives editors the current version, or any they ask for', () => {
    expect(readableVersion(heatingHandler, pending)).toBe(3);
    expect(readableVersion(actor('supervisor'), pending, 1)).toBe(1);
    expect(readableVersion(heatingHandler, draft)).toBe(1);
  });

  it('gives everyone else the published version and those before it, and no draft', () => {
    expect(readableVersion(actor('agent'), pending)).toBe(2);
    expect(readableVersion(actor('handler', 'UTIL-WATER'), pending, 1)).toBe(1);
    expect(reasonOf(() => readableVersion(actor('agent'), pending, 3))).toBe('knowledge.version_not_found');
    expect(reasonOf(() => readableVersion(actor('agent'), draft))).toBe('knowledge.not_found');
  });

  it('keeps a retired entry readable to all at its last published version', () => {
    expect(readableVersion(actor('agent'), { ...pending, status: 'retired' })).toBe(2);
  });
});
