import { RollupTally } from './rollup-tally';

describe('RollupTally', () => {
  it('sums contributions of the same day, metric and group by state, and keeps other groups apart', () => {
    const tally = new RollupTally();
    const c = { metric: 'onTimeDispatch', day: '2026-11-02', groupKind: 'unit', groupKey: '110105001' } as const;
    tally.add([
      { ...c, state: 'hit' },
      { ...c, state: 'hit' },
      { ...c, state: 'open' },
    ]);
    tally.add([
      { ...c, state: 'miss' },
      { ...c, groupKey: '110105002', state: 'hit' },
    ]);
    expect(tally.rollups()).toEqual([
      { ...c, hit: 2, miss: 1, pending: 0, open: 1 },
      { ...c, groupKey: '110105002', hit: 1, miss: 0, pending: 0, open: 0 },
    ]);
  });

  it('sums callbacks per day and group', () => {
    const tally = new RollupTally();
    const c = { groupKind: 'all', day: '2026-11-02', groupKey: 'all' } as const;
    tally.addCallbacks([{ ...c, asked: 1, solved: 1, rated: 1, satisfied: 1 }]);
    tally.addCallbacks([{ ...c, asked: 1, solved: 0, rated: 1, satisfied: 0 }]);
    expect(tally.callbackRollups()).toEqual([{ ...c, asked: 2, solved: 1, rated: 2, satisfied: 1 }]);
  });
});
