import type { ReferenceDataService } from '@hotline/directory';
import type { KpiReportsRepository, RollupSum } from './kpi-reports.repository';
import { KpiReportsService } from './kpi-reports.service';

const NOW = new Date('2026-11-30T15:00:00+08:00');
const sum = (key: string, metric: RollupSum['metric'], counts: Partial<RollupSum>): RollupSum => ({
  key,
  metric,
  hit: 0,
  miss: 0,
  pending: 0,
  openPast: 0,
  openNow: 0,
  ...counts,
});

function reports(sums: RollupSum[], missedToday: Map<string, number>, callbacks: object[] = []) {
  return new KpiReportsService(
    {
      rollupSums: async () => sums,
      openMissedToday: async () => missedToday,
      callbackSums: async () => callbacks,
    } as unknown as KpiReportsRepository,
    {
      snapshot: async () => ({
        units: new Map([['110105001', { name: '建外街道' }]]),
        hotlines: new Map(),
        categories: new Map(),
      }),
    } as unknown as ReferenceDataService,
    { now: () => NOW },
  );
}

describe('KpiReportsService', () => {
  const period = { from: '2026-11-01', to: '2026-12-01' };

  it('counts open items of past days as misses and today’s as pending, less those already late today', async () => {
    const service = reports(
      [sum('110105001', 'timelyResponse', { hit: 6, miss: 1, pending: 0, openPast: 2, openNow: 3 })],
      new Map([['110105001|timelyResponse', 1]]),
    );
    const [row] = await service.fiveRates(period, 'unit', {});
    expect(row.groupName).toBe('建外街道');
    // hits 6; misses 1 + 2 past + 1 late today = 4; pending 0 + 3 − 1 = 2
    expect(row.timelyResponse).toEqual({ rate: 0.6, numerator: 6, denominator: 10, pending: 2 });
    expect(row.onTimeDispatch).toEqual({ rate: null, numerator: 0, denominator: 0, pending: 0 });
  });

  it('names the groups without a unit or street, and sorts groups by key', async () => {
    const service = reports(
      [sum('110105001', 'onTimeDispatch', { hit: 1 }), sum('-', 'onTimeDispatch', { miss: 1 })],
      new Map(),
    );
    const rows = await service.fiveRates(period, 'unit', {});
    expect(rows.map((r) => [r.groupKey, r.groupName])).toEqual([
      ['-', '未派单'],
      ['110105001', '建外街道'],
    ]);
  });

  it('takes resolution and satisfaction from the callbacks that answered, response from the five rates', async () => {
    const service = reports([sum('110105001', 'timelyResponse', { hit: 3, miss: 1 })], new Map(), [
      { key: '110105001', asked: 4, solved: 3, rated: 5, satisfied: 4 },
    ]);
    const [row] = await service.threeRates(period, 'unit', {});
    expect(row).toMatchObject({
      response: { rate: 0.75, numerator: 3, denominator: 4 },
      resolution: { rate: 0.75, numerator: 3, denominator: 4 },
      satisfaction: { rate: 0.8, numerator: 4, denominator: 5 },
    });
  });
});
