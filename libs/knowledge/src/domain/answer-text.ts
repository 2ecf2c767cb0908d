/**
 * An answer's Markdown as the words a reader sees, for search snippets: links and images keep their
 * text, the marks of headings, emphasis, quotes, lists, code and tables go, runs of spaces become one.
 */
export function plainAnswer(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|~~|\*|`+)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, '')
    .replace(/[|\t ]+/g, ' ')
    .replace(/^ | $/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
