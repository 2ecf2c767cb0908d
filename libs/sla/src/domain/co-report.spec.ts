import { instant } from '@hotline/clock/domain';
import type { DomainError } from '@hotline/core';
import { assertCoReportDue, defaultCoReportDue } from './co-report';

describe('a co-handler’s report deadline', () => {
  const from = instant('2026-12-01T09:00:00+08:00');
  const resolve = instant('2026-12-11T09:00:00+08:00');

  it('falls by default 80% of the way to the lead’s resolve deadline', () => {
    expect(defaultCoReportDue(from, resolve)).toEqual(instant('2026-12-09T09:00:00+08:00'));
  });

  it('when named, lies ahead and not after the lead’s deadline', () => {
    expect(() => assertCoReportDue('reportDueAt', instant('2026-12-05T09:00:00+08:00'), from, resolve)).not.toThrow();
    const refusal = (dueAt: Date) => {
      try {
        assertCoReportDue('reportDueAt', dueAt, from, resolve);
      } catch (error) {
        return (error as DomainError).fields.map((f) => `${f.field}:${f.reason}`);
      }
      return [];
    };
    expect(refusal(from)).toEqual(['reportDueAt:not_future']);
    expect(refusal(instant('2026-12-12T09:00:00+08:00'))).toEqual(['reportDueAt:after_resolve_deadline']);
  });
});
