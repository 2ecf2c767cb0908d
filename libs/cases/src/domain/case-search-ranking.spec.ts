import { byRelevance, type CaseMatch } from './case-search-ranking';

describe('byRelevance', () => {
  const match = (id: string, rank: number, at: string): CaseMatch => ({ id, rank, registeredAt: new Date(at) });

  it('puts the best ranked first, then the newest, then the greater id', () => {
    const ordered = byRelevance([
      match('a', 0.1, '2026-11-02T08:00:00Z'),
      match('b', 0.5, '2026-11-01T08:00:00Z'),
      match('c', 0.1, '2026-11-03T08:00:00Z'),
      match('d', 0.1, '2026-11-02T08:00:00Z'),
    ]);
    expect(ordered.map((m) => m.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('leaves its input as it was', () => {
    const input = [match('a', 0.1, '2026-11-02T08:00:00Z'), match('b', 0.5, '2026-11-01T08:00:00Z')];
    byRelevance(input);
    expect(input.map((m) => m.id)).toEqual(['a', 'b']);
  });
});
