import {
  COMMON_WORD_ENTRIES,
  MAX_QUERY_TERMS,
  queryTerms,
  quote,
  toSearchQueries,
  toSearchQuery,
  WIDENING_WORD_ENTRIES,
} from './search-query';

/** The groups of a query as word lists: `('a' | 'b') | ('c')` → [['a', 'b'], ['c']]. */
function groupsOf(query: string): string[][] {
  return [...query.matchAll(/\(([^)]*)\)/g)].map((m) => m[1].split(' | ').map((w) => w.slice(1, -1)));
}

// A query of quoted words only: `('w' | 'w') | ('w')`, with '' and \\ the only escapes inside quotes.
const QUOTED = `'(?:[^'\\\\]|''|\\\\\\\\)*'`;
const WELL_FORMED = new RegExp(`^\\(${QUOTED}( \\| ${QUOTED})*\\)( \\| \\(${QUOTED}( \\| ${QUOTED})*\\))*$`);

describe('toSearchQuery', () => {
  it('drops the filler of a question: 了, 请问, 怎么, 我家, 吗', () => {
    expect(queryTerms('停水了')).toEqual(['停水']);
    expect(queryTerms('请问我家暖气不热怎么办吗')).toEqual(['暖气', '热']);
    expect(toSearchQuery('请问怎么办呢？')).toBe('');
  });

  it('ORs each term with its synonyms', () => {
    const [water] = groupsOf(toSearchQuery('停水了'));
    expect(water).toEqual(expect.arrayContaining(['停水', '没水', '断水']));
  });

  it('reads traditional characters as simplified', () => {
    const [heating, hot] = groupsOf(toSearchQuery('暖氣不熱'));
    expect(heating).toEqual(expect.arrayContaining(['暖气', '供暖', '供热', '采暖']));
    expect(hot).toEqual(['热']);
    const [fund, withdraw, ...rest] = groupsOf(toSearchQuery('公積金怎麼提取'));
    expect(fund).toEqual(expect.arrayContaining(['公积金', '住房公积金']));
    expect(withdraw).toEqual(['提取']);
    expect(rest).toEqual([]);
  });

  it('adds the words inside a term, with their synonyms (暖气费 → 暖气 → 供暖)', () => {
    const [fee] = groupsOf(toSearchQuery('暖气费'));
    expect(fee).toEqual(expect.arrayContaining(['暖气费', '供暖费', '暖气', '供暖']));
  });

  it('ORs the terms, so an entry sharing any of them is found', () => {
    expect(toSearchQuery('公积金提取')).toMatch(/^\(.*\) \| \('提取'\)$/);
  });

  it('quotes every word: tsquery syntax in a question is plain text', () => {
    for (const question of ["a'b\\c", "O'Neil & | ! <-> :* () 'x' \\", '：*（）&｜！', "''''", '\\\\']) {
      const query = toSearchQuery(question);
      expect(query === '' || WELL_FORMED.test(query)).toBe(true);
    }
    expect(WELL_FORMED.test("('a') & 'b'")).toBe(false);
    expect(WELL_FORMED.test("('a'b')")).toBe(false);
    expect(quote("o'neil")).toBe("'o''neil'");
    expect(quote('a\\b')).toBe("'a\\\\b'");
  });

  it(`stops at ${MAX_QUERY_TERMS} terms`, () => {
    const long = Array.from({ length: 100 }, (_, i) => `词${i}号`).join('，');
    expect(queryTerms(long).length).toBe(MAX_QUERY_TERMS);
  });
});

describe('toSearchQueries', () => {
  const counts = (table: Record<string, number>) => (word: string) => table[word] ?? 0;

  it('lets only the distinctive words choose the entries; every word still ranks them', () => {
    const queries = toSearchQueries('公积金提取办理', counts({ 办理: 150_000, 提取: COMMON_WORD_ENTRIES }));
    expect(queries.rank).toBe(toSearchQuery('公积金提取办理'));
    expect(groupsOf(queries.match)).toEqual([expect.arrayContaining(['公积金', '住房公积金']), ['提取']]);
    expect(queries.match).not.toContain('办理');
    expect(queries.wider).toBeNull();
    expect(queries.fallback).toBeNull();
  });

  it('widens to the fairly common words for when the distinctive ones find too few', () => {
    // 暖气 | 供暖 | 供热 is in 900 entries, 热 in 10, 办理 in 150,000: 热 alone may miss 供暖期室温不达标.
    const table = { 暖气: 300, 供暖: 300, 供热: 300, 热: 10, 办理: 150_000 };
    const queries = toSearchQueries('暖气不热办理', counts(table));
    expect(groupsOf(queries.match)).toEqual([['热']]);
    expect(groupsOf(queries.wider!)).toEqual([expect.arrayContaining(['暖气', '供暖', '供热']), ['热']]);
    expect(queries.wider).not.toContain('办理');
    expect(toSearchQueries('暖气不热', counts({ ...table, 暖气: WIDENING_WORD_ENTRIES })).wider).toBeNull();
  });

  it('counts a word with its synonyms: 暖气 | 供暖 | 供热 … together are common', () => {
    const each = Math.ceil(COMMON_WORD_ENTRIES / 3);
    const queries = toSearchQueries('暖气 停水', counts({ 暖气: each, 供暖: each, 供热: each }));
    expect(groupsOf(queries.match)).toEqual([expect.arrayContaining(['停水', '断水'])]);
  });

  it('when every word is common, asks for all of them, falling back to any', () => {
    const queries = toSearchQueries('投诉办理', counts({ 投诉: 90_000, 办理: 150_000 }));
    expect(queries.match).toBe("('投诉') & ('办理')");
    expect(queries.fallback).toBe(queries.rank);
  });

  it('a single word is looked for even when common; a small base has no common words', () => {
    expect(toSearchQueries('投诉', counts({ 投诉: 90_000 }))).toEqual({
      match: "('投诉')",
      wider: null,
      rank: "('投诉')",
      fallback: null,
    });
    const small = toSearchQueries('投诉办理', () => 40);
    expect(small.match).toBe(small.rank);
  });

  it('has nothing to look for in filler', () => {
    expect(toSearchQueries('请问怎么办呢？', () => 0)).toEqual({ match: '', wider: null, rank: '', fallback: null });
  });
});
