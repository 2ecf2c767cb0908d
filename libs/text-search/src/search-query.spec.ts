import { MAX_QUERY_TERMS, queryTerms, quote, toSearchQuery } from './search-query';

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
