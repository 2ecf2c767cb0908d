/** The knowledge base's words (docs/product.md, "Knowledge base"). */
export const KNOWLEDGE_KINDS = ['policy', 'guide', 'responsibility', 'enforcement', 'procedure', 'faq'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Whom an entry answers: citizens, enterprises, or both. */
export const AUDIENCES = ['citizen', 'enterprise', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Who is asking, in a search: an entry for `both` answers either. */
export const ASKERS = ['citizen', 'enterprise'] as const;
export type Asker = (typeof ASKERS)[number];

export function audiencesFor(asker: Asker): Audience[] {
  return [asker, 'both'];
}

export const KNOWLEDGE_STATUSES = ['draft', 'published', 'retired'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];
