import { addMs, HOUR_MS } from '@hotline/clock';
import type { Actor } from '@hotline/cases';
import { aDispatchedCase, fakeCaseKernel } from '@hotline/cases/testing';
import { type CaseQueriesService, CaseViewsService } from '@hotline/cases';
import type { DeadlinesService, DueDatesService } from '@hotline/sla';
import type { CallbacksRepository } from './callbacks.repository';
import type { CallbackClaimsRepository } from './callback-claims.repository';
import { CallbackClaimsService } from './callback-claims.service';
import { CallbacksService } from './callbacks.service';
import type { CallbackClaimEntity } from './entities/callback-claim.entity';
import { rejectionOf } from '@hotline/core/testing';

const agent: Actor = { userId: 'a1', role: 'agent', unitCode: null };

/** Claims in memory: nobody holds any callback in these specs beyond what they claim. */
class Claims {
  rows = new Map<string, CallbackClaimEntity>();
  async find(caseId: string) {
    return this.rows.get(caseId) ?? null;
  }
  async put(claim: CallbackClaimEntity) {
    this.rows.set(claim.caseId, claim);
  }
  async remove(caseId: string) {
    this.rows.delete(caseId);
  }
  async liveOf() {
    return new Map();
  }
}

function setUp() {
  const kernel = fakeCaseKernel();
  const attempts: unknown[] = [];
  const openCallbacks: string[] = [];
  const callbacks = new CallbacksService(
    kernel.commands,
    { byIds: (ids: string[]) => kernel.cases.byIds(ids) } as unknown as CaseQueriesService,
    new CaseViewsService({ record: async () => undefined } as unknown as ConstructorParameters<
      typeof CaseViewsService
    >[0]),
    { insert: async (row: unknown) => void attempts.push(row) } as unknown as CallbacksRepository,
    {
      openCallbacks: async () => ({ caseIds: [...openCallbacks], total: openCallbacks.length }),
    } as unknown as DeadlinesService,
    {
      dispatchDue: async (_u: string, _c: string, from: Date) => addMs(from, 24 * HOUR_MS),
    } as unknown as DueDatesService,
    new CallbackClaimsService(kernel.commands, new Claims() as unknown as CallbackClaimsRepository, kernel.clock),
  );
  const resolved = () =>
    kernel.given(
      aDispatchedCase('110105001', [], {
        status: 'resolved',
        resolvedAt: kernel.clock.at,
        callbackDueAt: addMs(kernel.clock.at, 48 * HOUR_MS),
      }),
    );
  return { kernel, callbacks, attempts, openCallbacks, resolved };
}

describe('CallbacksService', () => {
  it('closes a resolved case when the citizen is solved and satisfied', async () => {
    const { kernel, callbacks, attempts, resolved } = setUp();
    const c = resolved();
    const closed = await callbacks.record(c.id, { reached: true, solved: true, satisfaction: 'satisfied' }, agent);
    expect(closed).toMatchObject({ status: 'closed', closedAt: kernel.clock.at });
    expect(kernel.types(c.id)).toEqual(['callback_recorded', 'closed']);
    expect(kernel.clockChanges(c.id)).toEqual(['meet:callback', 'cancel:response']);
    expect(attempts).toEqual([expect.objectContaining({ caseId: c.id, reached: true, solved: true, calledBy: 'a1' })]);
  });

  it('reopens an unsatisfied citizen’s case for re-dispatch, with a dispatch clock and a supervision trigger', async () => {
    const { kernel, callbacks, resolved } = setUp();
    const c = resolved();
    const reopened = await callbacks.record(c.id, { reached: true, solved: false, satisfaction: 'unsatisfied' }, agent);
    expect(reopened).toMatchObject({ status: 'reopened', callbackDueAt: null, dispatchedAt: null, respondedAt: null });
    expect(kernel.types(c.id)).toEqual(['callback_recorded', 'supervision_triggered', 'reopened']);
    expect(kernel.clockChanges(c.id)).toEqual([
      'meet:callback',
      'cancel:sign',
      'cancel:response',
      'cancel:resolve',
      'cancel:report',
      'start:dispatch',
    ]);
    expect(kernel.events(c.id, 'supervision_triggered')[0].data).toMatchObject({ trigger: 'callback_unsatisfied' });
  });

  it('keeps the clock running after an unreached call, and closes as unreachable at the third', async () => {
    const { kernel, callbacks, resolved } = setUp();
    const c = resolved();
    expect((await callbacks.record(c.id, { reached: false }, agent)).status).toBe('resolved');
    expect(kernel.clockChanges(c.id)).toEqual([]);
    await callbacks.record(c.id, { reached: false }, agent);
    const closed = await callbacks.record(c.id, { reached: false }, agent);
    expect(closed).toMatchObject({ status: 'closed', unreachedCallbacks: 3 });
    expect(kernel.events(c.id, 'closed')[0].data).toEqual({ reason: 'unreachable' });
  });

  it('records the answer on a case past its resolve deadline without changing its state', async () => {
    const { kernel, callbacks } = setUp();
    const c = kernel.given(aDispatchedCase('110105001', [], { status: 'signed', callbackDueAt: kernel.clock.at }));
    const after = await callbacks.record(c.id, { reached: true, solved: false, satisfaction: 'unsatisfied' }, agent);
    expect(after.status).toBe('signed');
    expect(kernel.types(c.id)).toEqual(['callback_recorded', 'supervision_triggered']);
  });

  it('refuses a callback that is not due, and names missing answers', async () => {
    const { kernel, callbacks } = setUp();
    const c = kernel.given(aDispatchedCase());
    expect(await rejectionOf(callbacks.record(c.id, { reached: false }, agent))).toBe('callback.not_due');
    await expect(callbacks.record(c.id, { reached: true }, agent)).rejects.toMatchObject({
      reason: 'input.invalid',
      fields: [
        { field: 'solved', reason: 'required', message: 'is required when the citizen was reached' },
        { field: 'satisfaction', reason: 'required', message: 'is required when the citizen was reached' },
      ],
    });
  });

  it('marks a demand unreasonable once, stopping its callback clock', async () => {
    const { kernel, callbacks, resolved } = setUp();
    const c = resolved();
    const marked = await callbacks.markUnreasonable(c.id, '超出职责范围', agent);
    expect(marked).toMatchObject({ reasonable: false, unreasonableReason: '超出职责范围' });
    expect(kernel.clockChanges(c.id)).toEqual(['cancel:callback']);
    expect(await rejectionOf(callbacks.markUnreasonable(c.id, '再次', agent))).toBe('case.already_unreasonable');
  });

  it('lists the due queue in the clocks’ order', async () => {
    const { callbacks, openCallbacks, resolved } = setUp();
    const [first, second] = [resolved(), resolved()];
    openCallbacks.push(second.id, first.id);
    const page = await callbacks.due(agent, { limit: 10, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(page.items[0].callbackDueAt).toBe(second.callbackDueAt!.toISOString());
  });
});
