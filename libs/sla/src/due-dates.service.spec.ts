import type { AppConfig } from '@hotline/config';
import type { ReferenceDataService } from '@hotline/directory';
import type { CalendarRepository } from './calendar.repository';
import { DueDatesService } from './due-dates.service';

const at = (iso: string) => new Date(iso);
const hours = (amount: number) => ({ amount, unit: 'hours' as const });
const row = (urgency: string, categoryCode: string | null, resolveWithin: object) => ({
  urgency,
  categoryCode,
  dispatchWithin: hours(24),
  signWithin: hours(2),
  responseWithin: hours(24),
  resolveWithin,
  callbackWithin: hours(48),
  transferAckWithin: { amount: 30, unit: 'minutes' },
});

function dueDates() {
  let calendarLoads = 0;
  const service = new DueDatesService(
    {
      snapshot: async () => ({
        slaPolicies: [
          row('general', null, { amount: 7, unit: 'calendar_days' }),
          row('general', '0301', { amount: 2, unit: 'working_days' }),
        ],
        categories: new Map([
          ['030101', { parentCode: '0301' }],
          ['0301', { parentCode: '03' }],
          ['010101', { parentCode: '0101' }],
        ]),
      }),
    } as unknown as ReferenceDataService,
    {
      all: async () => {
        calendarLoads++;
        return [
          { day: '2026-10-01', kind: 'holiday' },
          { day: '2026-10-02', kind: 'holiday' },
        ];
      },
    } as unknown as CalendarRepository,
    { REFERENCE_CACHE_SECONDS: 30 } as AppConfig,
  );
  return { service, loads: () => calendarLoads };
}

describe('DueDatesService', () => {
  it('counts from the dispatch by the urgency’s default row', async () => {
    const { service, loads } = dueDates();
    const due = await service.afterDispatch('general', '010101', at('2026-11-30T09:00:00+08:00'));
    expect(due).toEqual({
      signDueAt: at('2026-11-30T11:00:00+08:00'),
      responseDueAt: at('2026-12-01T09:00:00+08:00'),
      resolveDueAt: at('2026-12-07T09:00:00+08:00'),
    });
    expect(loads()).toBe(0); // no working-day limit: the calendar is never read
  });

  it('counts working days on the holiday calendar for a category row that says so, reading it once', async () => {
    const { service, loads } = dueDates();
    const due = await service.afterDispatch('general', '030101', at('2026-09-30T09:00:00+08:00'));
    // 1 and 2 October are holidays, 3 and 4 a weekend: two working days end on Tuesday 6 October.
    expect(due.resolveDueAt).toEqual(at('2026-10-06T09:00:00+08:00'));
    await service.afterDispatch('general', '030101', at('2026-09-30T10:00:00+08:00'));
    expect(loads()).toBe(1);
    service.invalidateCalendar();
    await service.afterDispatch('general', '030101', at('2026-09-30T10:00:00+08:00'));
    expect(loads()).toBe(2);
  });

  it('gives the callback and transfer acknowledgement deadlines', async () => {
    const { service } = dueDates();
    expect(await service.callbackDue('general', '010101', at('2026-11-30T09:00:00+08:00'))).toEqual(
      at('2026-12-02T09:00:00+08:00'),
    );
    expect(await service.transferAckDue('general', '010101', at('2026-11-30T09:00:00+08:00'))).toEqual(
      at('2026-11-30T09:30:00+08:00'),
    );
  });
});
