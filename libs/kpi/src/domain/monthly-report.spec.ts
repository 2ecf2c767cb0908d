import { rateOf, type Rate } from './five-rates';
import { type GroupRates, monthPeriods, type RateName, rankGroups } from './monthly-report';

const NAMES: RateName[] = [
  'onTimeDispatch',
  'dispatchAccuracy',
  'timelyResponse',
  'reasonableCallback',
  'trackedSupervision',
  'response',
  'resolution',
  'satisfaction',
];

/** A group whose every rate is hits of (hits + misses). */
const group = (groupKey: string, hits: number, misses: number, over: Partial<Record<RateName, Rate>> = {}) =>
  ({
    groupKey,
    groupName: groupKey,
    rates: { ...Object.fromEntries(NAMES.map((n) => [n, rateOf(hits, misses, 0)])), ...over },
  }) as GroupRates;

describe('monthly report', () => {
  it('turns a month into its period and the month before, across a year', () => {
    expect(monthPeriods('2026-11')).toEqual({
      current: { from: '2026-11-01', to: '2026-12-01' },
      previous: { from: '2026-10-01', to: '2026-11-01' },
      previousMonth: '2026-10',
    });
    expect(monthPeriods('2027-01').previous).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthPeriods('2026-12').current.to).toBe('2027-01-01');
  });

  it('refuses what is not a month, naming the field', () => {
    for (const bad of ['2026-13', '2026-1', '2026-11-01', 'november']) {
      expect(() => monthPeriods(bad)).toThrow(
        expect.objectContaining({ fields: [expect.objectContaining({ field: 'month', reason: 'not_a_month' })] }),
      );
    }
  });

  it('ranks by the mean of the five rates, ties sharing a rank, groups without figures last', () => {
    const empty = group('Z', 0, 0);
    const rows = rankGroups([group('B', 9, 1), group('A', 1, 1), group('C', 9, 1), empty], []);
    expect(rows.map((r) => [r.groupKey, r.rank])).toEqual([
      ['B', 1],
      ['C', 1],
      ['A', 3],
      ['Z', 4],
    ]);
    expect(rows[0].score).toBeCloseTo(0.9);
    expect(rows[3].score).toBeNull();
  });

  it('compares each rate with last month, and names the worst misses', () => {
    const [row] = rankGroups(
      [group('A', 8, 2, { satisfaction: rateOf(1, 5, 0) })],
      [group('A', 6, 4), group('gone', 1, 0)],
    );
    expect(row.change.onTimeDispatch).toBeCloseTo(0.2);
    expect(row.change.satisfaction).toBeCloseTo(1 / 6 - 0.6);
    expect(row.worstMisses[0]).toEqual({ rate: 'satisfaction', misses: 5 });
    expect(row.worstMisses).toHaveLength(3);
    expect(rankGroups([group('new', 1, 0)], [])[0].change.onTimeDispatch).toBeNull();
  });
});
