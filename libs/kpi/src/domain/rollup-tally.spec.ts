import { RollupTally } from './rollup-tally';

describe('RollupTally', () => {
  it('sums contributions of the same day, metric, group and requester kind by state, and keeps others apart', () => {
    const tally = new RollupTally();
    const c = {
      metric: 'onTimeDispatch',
      day: '2026-11-02',
      groupKind: 'unit',
      groupKey: '110105001',
      requesterKind: 'citizen',
    } as const;
    tally.add([
      { ...c, state: 'hit' },
      { ...c, state: 'hit' },
      { ...c, state: 'open' },
    ]);
    tally.add([
      { ...c, state: 'miss' },
      { ...c, groupKey: '110105002', state: 'hit' },
      { ...c, requesterKind: 'enterprise', state: 'hit' },
    ]);
    expect(tally.rollups()).toEqual([
      { ...c, hit: 2, miss: 1, pending: 0, open: 1 },
      { ...c, groupKey: '110105002', hit: 1, miss: 0, pending: 0, open: 0 },
      { ...c, requesterKind: 'enterprise', hit: 1, miss: 0, pending: 0, open: 0 },
    ]);
  });

  it('sums callbacks per day, group and requester kind', () => {
    const tally = new RollupTally();
    const c = { groupKind: 'all', day: '2026-11-02', groupKey: 'all', requesterKind: 'citizen' } as const;
    tally.addCallbacks([{ ...c, asked: 1, solved: 1, rated: 1, satisfied: 1 }]);
    tally.addCallbacks([{ ...c, asked: 1, solved: 0, rated: 1, satisfied: 0 }]);
    tally.addCallbacks([{ ...c, requesterKind: 'enterprise', asked: 1, solved: 1, rated: 0, satisfied: 0 }]);
    expect(tally.callbackRollups()).toEqual([
      { ...c, asked: 2, solved: 1, rated: 2, satisfied: 1 },
      { ...c, requesterKind: 'enterprise', asked: 1, solved: 1, rated: 0, satisfied: 0 },
    ]);
  });
});
