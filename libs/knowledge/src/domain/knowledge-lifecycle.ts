import { DomainError, type ErrorReason } from '@hotline/core';
import type { KnowledgeStatus } from './knowledge-vocabulary';

/**
 * An entry's states (docs/product.md, "Knowledge base") as data: each action lists the states it may
 * start from, the state it leads to (`same`: it stays), and the reason it is refused in any other.
 * Retired is final: what replaces a retired entry is a new entry.
 */
export type KnowledgeAction = 'edit' | 'publish' | 'retire';

interface Transition {
  from: readonly KnowledgeStatus[];
  to: KnowledgeStatus | 'same';
  refusal: ErrorReason;
}

const TRANSITIONS: Record<KnowledgeAction, Transition> = {
  // Editing a published entry adds a version; search keeps finding the published one until it is published.
  edit: { from: ['draft', 'published'], to: 'same', refusal: 'knowledge.retired' },
  publish: { from: ['draft', 'published'], to: 'published', refusal: 'knowledge.retired' },
  retire: { from: ['draft', 'published'], to: 'retired', refusal: 'knowledge.already_retired' },
};

/** The state after `action`, or a 409 with the transition's reason. */
export function nextKnowledgeStatus(current: KnowledgeStatus, action: KnowledgeAction): KnowledgeStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    throw new DomainError(
      rule.refusal,
      `Cannot ${action} an entry that is ${current} (allowed from: ${rule.from.join(', ')})`,
    );
  }
  return rule.to === 'same' ? current : rule.to;
}

export interface EntryVersions {
  status: KnowledgeStatus;
  currentVersion: number;
  publishedVersion: number | null;
}

/**
 * The version a publish makes the published one: the one asked for, or the current. Any earlier
 * version may be published again (going back to it); publishing the published one changes nothing
 * and is refused, so a caller learns it did nothing.
 */
export function versionToPublish(entry: EntryVersions, requested?: number): number {
  const version = requested ?? entry.currentVersion;
  if (!Number.isInteger(version) || version < 1 || version > entry.currentVersion) {
    throw new DomainError('knowledge.version_not_found', `The entry has versions 1 to ${entry.currentVersion}`);
  }
  if (entry.status === 'published' && entry.publishedVersion === version) {
    throw new DomainError('knowledge.already_published', `Version ${version} is the published version already`);
  }
  return version;
}
