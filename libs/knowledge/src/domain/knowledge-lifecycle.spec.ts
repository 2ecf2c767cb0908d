import { reasonOf } from '@hotline/core/testing';
import { nextKnowledgeStatus, versionToPublish } from './knowledge-lifecycle';

describe('the knowledge lifecycle', () => {
  it('edits drafts and published entries without changing their state', () => {
    expect(nextKnowledgeStatus('draft', 'edit')).toBe('draft');
    expect(nextKnowledgeStatus('published', 'edit')).toBe('published');
  });

  it('publishes drafts and published entries, retires both', () => {
    expect(nextKnowledgeStatus('draft', 'publish')).toBe('published');
    expect(nextKnowledgeStatus('published', 'publish')).toBe('published');
    expect(nextKnowledgeStatus('draft', 'retire')).toBe('retired');
    expect(nextKnowledgeStatus('published', 'retire')).toBe('retired');
  });

  it('keeps a retired entry as it is, each refusal with its reason', () => {
    expect(reasonOf(() => nextKnowledgeStatus('retired', 'edit'))).toBe('knowledge.retired');
    expect(reasonOf(() => nextKnowledgeStatus('retired', 'publish'))).toBe('knowledge.retired');
    expect(reasonOf(() => nextKnowledgeStatus('retired', 'retire'))).toBe('knowledge.already_retired');
  });
});

describe('versionToPublish', () => {
  const entry = { status: 'published' as const, currentVersion: 3, publishedVersion: 2 };

  it('is the current version unless another is asked for, an earlier one included', () => {
    expect(versionToPublish(entry)).toBe(3);
    expect(versionToPublish(entry, 1)).toBe(1);
    expect(versionToPublish({ status: 'draft', currentVersion: 1, publishedVersion: null })).toBe(1);
  });

  it('refuses a version the entry does not have, and the one already published', () => {
    expect(reasonOf(() => versionToPublish(entry, 4))).toBe('knowledge.version_not_found');
    expect(reasonOf(() => versionToPublish(entry, 0))).toBe('knowledge.version_not_found');
    expect(reasonOf(() => versionToPublish(entry, 2))).toBe('knowledge.already_published');
  });
});
