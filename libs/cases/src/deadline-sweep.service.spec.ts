import { addMs, HOUR_MS } from '@hotline/clock';
import type { ClaimedDeadline, DeadlinesService, DueDatesService } from '@hotline/sla';
import { DeadlineSweepService } from './deadline-sweep.service';
import { aDispatchedCase, fakeCaseKernel } from './testing';

function setUp(due: ClaimedDeadline[], warned: ClaimedDeadline[] = []) {
  const kernel = fakeCaseKernel();
  const claimedFor: string[][] = [];
  const deadlines = {
    dueCaseIds: async () => [...new Set([...due, ...warned].map((d) => d.caseId))],
    claimDue: async (caseIds: string[]) => {
      claimedFor.push(caseIds);
      return {
        breached: due.filter((d) => caseIds.includes(d.caseId)),
        warned: warned.filter((d) => caseIds.includes(d.caseId)),
      };
    },
  } as unknown as DeadlinesService;
  const dueDates = { callbackDue: async (_u: string, _c: string, from: Date) => addMs(from, 48 * HOUR_MS) };
  const sweep = new DeadlineSweepService(
    kernel.commands,
    deadlines,
    dueDates as unknown as DueDatesService,
    kernel.clock,
  );
  return { kernel, sweep, claimedFor };
}

describe('DeadlineSweepService', () => {
  it('raises a warning, and a breach with its supervision trigger', async () => {
    const c = aDispatchedCase();
    const { kernel, sweep } = setUp(
      [{ caseId: c.id, kind: 'response', unitCode: '110105001', dueAt: c.responseDueAt! }],
      [{ caseId: c.id, kind: 'sign', unitCode: '110105001', dueAt: c.signDueAt! }],
    );
    kernel.given(c);
    expect(await sweep.sweepOnce(500)).toEqual({ breaches: 1, warnings: 1, more: false });
    expect(kernel.types(c.id)).toEqual(['sla_warning', 'sla_breached', 'supervision_triggered']);
    expect(kernel.events(c.id, 'supervision_triggered')[0].data).toEqual({
      trigger: 'deadline_missed',
      kind: 'response',
      unitCode: '110105001',
    });
    expect(kernel.stored(c.id).version).toBe(c.version); // the system's events bump no version
  });

  it('starts the callback clock of a reasonable case that missed its resolve deadline, from that deadline', async () => {
    const c = aDispatchedCase();
    const { kernel, sweep } = setUp([{ caseId: c.id, kind: 'resolve', unitCode: '110105001', dueAt: c.resolveDueAt! }]);
    kernel.given(c);
    await sweep.sweepOnce(500);
    expect(kernel.stored(c.id).callbackDueAt).toEqual(addMs(c.resolveDueAt!, 48 * HOUR_MS));
    expect(kernel.clockChanges(c.id)).toEqual(['start:callback']);
    expect(kernel.events(c.id, 'sla_breached')[0].data).toMatchObject({
      kind: 'resolve',
      callbackDueAt: expect.any(String),
    });
  });

  it('starts none for an unreasonable demand, nor for one already resolved', async () => {
    const unreasonable = aDispatchedCase('110105001', [], { reasonable: false });
    const resolved = aDispatchedCase('110105001', [], { status: 'resolved' });
    const { kernel, sweep } = setUp(
      [unreasonable, resolved].map((c) => ({
        caseId: c.id,
        kind: 'resolve' as const,
        unitCode: '110105001',
        dueAt: c.resolveDueAt!,
      })),
    );
    kernel.given(unreasonable);
    kernel.given(resolved);
    await sweep.sweepOnce(500);
    for (const c of [unreasonable, resolved]) {
      expect(kernel.stored(c.id).callbackDueAt).toBeNull();
      expect(kernel.clockChanges(c.id)).toEqual([]);
      expect(kernel.types(c.id)).toEqual(['sla_breached', 'supervision_triggered']);
    }
  });

  it('claims clocks only after locking their cases, and says when a full round left more to do', async () => {
    const [a, b] = [aDispatchedCase(), aDispatchedCase()];
    const { kernel, sweep, claimedFor } = setUp(
      [a, b].map((c) => ({ caseId: c.id, kind: 'sign' as const, unitCode: '110105001', dueAt: c.signDueAt! })),
    );
    kernel.given(a);
    kernel.given(b);
    expect(await sweep.sweepOnce(2)).toEqual({ breaches: 2, warnings: 0, more: true });
    expect(claimedFor).toEqual([[a.id, b.id].sort()]);
    expect(await sweep.sweepOnce(3)).toMatchObject({ more: false });
  });
});
