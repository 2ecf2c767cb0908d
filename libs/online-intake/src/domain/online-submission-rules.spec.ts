import { instant } from '@hotline/clock/domain';
import { acceptanceDueAt, caseChannelOf, dueBand } from './online-submission-rules';

describe('online submission rules', () => {
  const submitted = instant('2026-12-02T09:00:00+08:00');

  it('gives two hours to accept, due soon in the last half hour, then overdue', () => {
    const due = acceptanceDueAt(submitted);
    expect(due.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(dueBand(due, instant('2026-12-02T10:29:59+08:00'))).toBe('in_time');
    expect(dueBand(due, instant('2026-12-02T10:30:00+08:00'))).toBe('due_soon');
    expect(dueBand(due, instant('2026-12-02T11:00:00+08:00'))).toBe('due_soon');
    expect(dueBand(due, instant('2026-12-02T11:00:01+08:00'))).toBe('overdue');
  });

  it('registers an Open311 request as a web demand, an app one as app', () => {
    expect(caseChannelOf('open311')).toBe('web');
    expect(caseChannelOf('web')).toBe('web');
    expect(caseChannelOf('app')).toBe('app');
  });
});
