import { DomainError } from '@hotline/core';
import { aCase, aDispatchedCase, fakeCaseKernel } from './testing';
import { rejectionOf } from '@hotline/core/testing';

const handlerOf = (unitCode: string) => ({ userId: 'u1', role: 'handler' as const, unitCode });
const agent = { userId: 'a1', role: 'agent' as const, unitCode: null };
describe('CaseCommandsService (the case-command kernel)', () => {
  it('applies a transition: the next status, the versioned update, the clocks and the events', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aCase());
    const { case: answered } = await k.commands.run(c.id, agent, {
      lifecycle: 'answer',
      decide: (loaded, { next, now }) => ({
        update: { closedAt: now },
        clocks: [{ cancel: ['dispatch'] }],
        events: [{ name: 'answered', change: { before: { status: loaded.status }, after: { status: next } } }],
      }),
    });
    expect(answered).toMatchObject({ status: 'answered', version: 2, closedAt: k.clock.at });
    expect(k.stored(c.id)).toMatchObject({ status: 'answered', version: 2 });
    expect(k.clockChanges(c.id)).toEqual(['cancel:dispatch']);
    expect(k.events(c.id, 'answered')).toEqual([
      expect.objectContaining({
        ord: 1,
        actorRole: 'agent',
        before: { status: 'registered' },
        after: { status: 'answered' },
      }),
    ]);
    expect(k.outbox).toEqual([
      expect.objectContaining({
        topic: 'hotline.cases.v1',
        key: c.id,
        event: expect.objectContaining({
          type: 'cn.gov.12345.case.answered.v1',
          subject: c.id,
          data: expect.objectContaining({
            caseId: c.id,
            status: 'answered',
            actor: { userId: 'a1', role: 'agent', unitCode: null },
          }),
        }),
      }),
    ]);
  });

  it('answers 404 to a handler whose unit was never on the case, before anything else', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aDispatchedCase('110105001'));
    const decide = jest.fn();
    expect(await rejectionOf(k.commands.run(c.id, handlerOf('110108001'), { lifecycle: 'open', decide }))).toBe(
      'case.not_found',
    );
    expect(decide).not.toHaveBeenCalled();
    await k.commands.run(c.id, handlerOf('110105001'), { lifecycle: 'open', decide: () => null });
  });

  it('lets the caller vouch for an actor that may not see the case (a utility and its transfer)', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aCase({ status: 'transferred' }));
    const { result } = await k.commands.run(c.id, handlerOf('UTIL-WATER'), {
      lifecycle: 'any',
      authorizedByCaller: true,
      decide: () => ({ events: [], result: 'acknowledged' }),
    });
    expect(result).toBe('acknowledged');
  });

  it('refuses a finished case before authorising, and authorises before the lifecycle step', async () => {
    const k = fakeCaseKernel();
    const closed = k.given(aCase({ status: 'closed', unitCodes: ['110105001'] }));
    const authorize = jest.fn();
    expect(
      await rejectionOf(k.commands.run(closed.id, agent, { lifecycle: 'open', authorize, decide: () => null })),
    ).toBe('case.finished');
    expect(authorize).not.toHaveBeenCalled();

    const dispatched = k.given(aDispatchedCase('110105001'));
    const refuse = () => {
      throw new DomainError('order.lead_only', 'Only the lead unit may do this');
    };
    // resolve on a dispatched (unsigned) case: the role check wins over the state check.
    expect(
      await rejectionOf(
        k.commands.run(dispatched.id, agent, { lifecycle: 'resolve', authorize: refuse, decide: () => null }),
      ),
    ).toBe('order.lead_only');
    expect(await rejectionOf(k.commands.run(dispatched.id, agent, { lifecycle: 'resolve', decide: () => null }))).toBe(
      'case.not_signed',
    );
  });

  it('hands what authorize found to decide', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aDispatchedCase());
    const { result } = await k.commands.run(c.id, agent, {
      lifecycle: 'open',
      authorize: () => ({ orderId: 'o-1' }),
      decide: (_c, { authorized }) => ({ events: [], result: authorized.orderId }),
    });
    expect(result).toBe('o-1');
  });

  it('changes nothing when the command decides there is nothing to do', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aCase());
    const { case: same } = await k.commands.run(c.id, agent, { lifecycle: 'dispatch', decide: () => null });
    expect(same.version).toBe(1);
    expect(k.stored(c.id)).toMatchObject({ status: 'registered', version: 1 });
    expect(k.types(c.id)).toEqual([]);
    expect(k.outbox).toEqual([]);
  });

  it('keeps the version on bookkeeping and numbers a case’s events in order', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aDispatchedCase());
    await k.commands.run(c.id, agent, {
      lifecycle: 'any',
      decide: () => ({
        bookkeeping: { callbackDueAt: k.clock.at },
        events: [{ name: 'sla_breached' }, { name: 'supervision_triggered' }],
      }),
    });
    expect(k.stored(c.id)).toMatchObject({ version: 1, callbackDueAt: k.clock.at });
    expect(k.events(c.id, 'supervision_triggered')[0].ord).toBe(2);
  });

  it('adds every newly assigned unit to the units that may see the case, and keeps them after a return', async () => {
    const k = fakeCaseKernel();
    const c = k.given(aCase());
    await k.commands.run(c.id, agent, {
      lifecycle: 'dispatch',
      decide: () => ({ update: { leadUnitCode: '110105001', coUnitCodes: ['DEPT-A'] }, events: [] }),
    });
    await k.commands.run(c.id, agent, {
      lifecycle: 'any',
      decide: () => ({ update: { status: 'registered', leadUnitCode: null, coUnitCodes: [] }, events: [] }),
    });
    expect(k.stored(c.id).unitCodes).toEqual(['110105001', 'DEPT-A']);
  });

  it('runs the system over many cases, locked in id order, changing only those it decided for', async () => {
    const k = fakeCaseKernel();
    const [a, b] = [aDispatchedCase(), aDispatchedCase()].map((c) => k.given(c));
    const seen: string[] = [];
    const changed = await k.commands.runMany(
      [b.id, a.id, b.id, '00000000-0000-4000-8000-999999999999'],
      { userId: null, role: 'system', unitCode: null },
      async (locked) => {
        seen.push(...locked.map((c) => c.id));
        return new Map([[a.id, { events: [{ name: 'sla_warning' as const }] }]]);
      },
    );
    expect(seen).toEqual([a.id, b.id].sort()); // each once, in id order; an unknown id is simply absent
    expect(changed).toBe(1);
    expect(k.types(a.id)).toEqual(['sla_warning']);
    expect(k.types(b.id)).toEqual([]);
  });
});
