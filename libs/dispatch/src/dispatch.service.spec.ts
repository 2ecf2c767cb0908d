import { addMs, HOUR_MS } from '@hotline/clock';
import type { Actor, CaseQueriesService } from '@hotline/cases';
import { aCase, fakeCaseKernel } from '@hotline/cases/testing';
import type { ReferenceDataService } from '@hotline/directory';
import type { DueDatesService } from '@hotline/sla';
import { DispatchService } from './dispatch.service';
import { fakeOrders } from './testing';
import { rejectionOf } from '@hotline/core/testing';

const agent: Actor = { userId: 'a1', role: 'agent', unitCode: null };
const unit = (code: string, kind: string, parentCode: string | null = null, active = true) =>
  [code, { code, kind, parentCode, active }] as const;
const UNITS = new Map([
  unit('110105', 'district'),
  unit('110105001', 'street', '110105'),
  unit('DEPT-URBAN-MANAGEMENT', 'department'),
  unit('DEPT-GONE', 'department', null, false),
]);
/** The fixture case's category (010101) in its tree. */
const CATEGORIES = new Map([
  ['010101', { code: '010101', parentCode: '0101' }],
  ['0101', { code: '0101', parentCode: '01' }],
  ['01', { code: '01', parentCode: null }],
]);
const rule = (overrides: object) => ({
  id: 'rule-1',
  priority: 10,
  name: 'street mess',
  categoryCode: '0101',
  districtCode: null,
  streetCode: null,
  target: 'street_of_location',
  leadUnitCode: null,
  coUnitCodes: [],
  auto: false,
  redispatchOnReopen: false,
  ...overrides,
});

function setUp(rules: object[] = [rule({})]) {
  const kernel = fakeCaseKernel();
  const { orders, sent, assignments, callerSentTo } = fakeOrders(kernel.clock);
  const dispatching = new DispatchService(
    kernel.commands,
    {
      visible: async (id: string) => kernel.cases.get(id),
      byIds: (ids: string[]) => kernel.cases.byIds(ids),
    } as unknown as CaseQueriesService,
    orders,
    {
      snapshot: async () => ({ units: UNITS, categories: CATEGORIES, dispatchRules: rules }),
    } as unknown as ReferenceDataService,
    {
      afterDispatch: async (_u: string, _c: string, at: Date) => ({
        signDueAt: addMs(at, 2 * HOUR_MS),
        responseDueAt: addMs(at, 24 * HOUR_MS),
        resolveDueAt: addMs(at, 168 * HOUR_MS),
      }),
    } as unknown as DueDatesService,
  );
  return { kernel, dispatching, sent, assignments, callerSentTo };
}

describe('DispatchService', () => {
  it('dispatches by the catalogue: an order per unit to its unit, the clocks started, the case dispatched', async () => {
    const { kernel, dispatching, sent } = setUp();
    const c = kernel.given(aCase());
    const dispatched = await dispatching.dispatch(c.id, {}, agent);
    expect(dispatched).toMatchObject({
      status: 'dispatched',
      leadUnitCode: '110105001',
      dispatchCount: 1,
      dispatchedAt: kernel.clock.at,
      firstDispatchedAt: kernel.clock.at,
      unitCodes: ['110105001'],
    });
    expect(kernel.clockChanges(c.id)).toEqual(['meet:dispatch', 'start:sign', 'start:response', 'start:resolve']);
    expect(kernel.events(c.id, 'dispatched')[0].data).toMatchObject({ ruleId: 'rule-1', dispatchNo: 1 });
    expect(sent).toEqual([
      {
        kind: 'orderIssued',
        data: expect.objectContaining({
          unitCode: '110105001',
          role: 'lead',
          caller: { name: '王女士', phone: '13812345678' },
        }),
      },
    ]);
  });

  it('dispatches a manual choice with co-handlers, who get a masked caller', async () => {
    const { kernel, dispatching, sent, callerSentTo } = setUp();
    const c = kernel.given(aCase());
    await dispatching.dispatch(c.id, { leadUnitCode: '110105', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] }, agent);
    expect(kernel.stored(c.id)).toMatchObject({ leadUnitCode: '110105', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] });
    expect(sent.map((m) => [m.data.unitCode, m.data.role, (m.data.caller as { phone: string }).phone])).toEqual([
      ['110105', 'lead', '13812345678'],
      ['DEPT-URBAN-MANAGEMENT', 'co', '138****5678'],
    ]);
    // Only the lead's order carries the caller in full: that sending is audited, the masked one is not.
    expect(callerSentTo).toEqual([{ caseId: c.id, unitCodes: ['110105'] }]);
    expect(kernel.events(c.id, 'dispatched')[0].data).toMatchObject({ ruleId: null, reason: 'chosen by hand' });
  });

  it('tells lead and co-handlers an enterprise’s company; of a sensitive demand no unit learns company or caller', async () => {
    const { kernel, dispatching, sent, callerSentTo } = setUp();
    const company = { companyName: '北京某某科技有限公司', companyCreditCode: '91110000600037341L' };
    const open = kernel.given(aCase({ requesterKind: 'enterprise', ...company }));
    const sensitive = kernel.given(aCase({ requesterKind: 'enterprise', ...company, sensitive: true }));
    const units = { leadUnitCode: '110105', coUnitCodes: ['DEPT-URBAN-MANAGEMENT'] };
    await dispatching.dispatch(open.id, units, agent);
    await dispatching.dispatch(sensitive.id, units, agent);
    const ordersOf = (caseId: string) => sent.filter((m) => m.data.caseId === caseId).map((m) => m.data);
    for (const order of ordersOf(open.id)) {
      expect(order.company).toEqual({ name: '北京某某科技有限公司', creditCode: '91110000600037341L' });
    }
    for (const order of ordersOf(sensitive.id)) {
      expect(JSON.stringify(order)).not.toMatch(/91110000600037341L|科技|13812345678|\*\*\*\*/);
    }
    expect(ordersOf(sensitive.id)).toHaveLength(2);
    expect(callerSentTo).toEqual([
      { caseId: open.id, unitCodes: ['110105'] },
      { caseId: sensitive.id, unitCodes: [] },
    ]);
  });

  it('names a bad manual choice, and asks for a unit when the catalogue has none', async () => {
    const { kernel, dispatching } = setUp([]);
    const c = kernel.given(aCase({ streetCode: null, districtCode: 'NOWHERE' }));
    await expect(dispatching.dispatch(c.id, { leadUnitCode: 'DEPT-GONE' }, agent)).rejects.toMatchObject({
      fields: [{ field: 'leadUnitCode', reason: 'not_active' }],
    });
    await expect(dispatching.dispatch(c.id, {}, agent)).rejects.toMatchObject({
      fields: [{ field: 'leadUnitCode', reason: 'no_catalogue_match' }],
    });
    expect(kernel.stored(c.id).status).toBe('registered');
  });

  it('refuses to dispatch a case twice', async () => {
    const { kernel, dispatching } = setUp();
    const c = kernel.given(aCase());
    await dispatching.dispatch(c.id, {}, agent);
    expect(await rejectionOf(dispatching.dispatch(c.id, {}, agent))).toBe('case.already_dispatched');
  });

  it('auto-dispatches only a waiting case whose rule says auto, and leaves the rest to agents', async () => {
    const manual = setUp([rule({ auto: false })]);
    const waiting = manual.kernel.given(aCase());
    await manual.dispatching.autoDispatch(waiting.id);
    expect(manual.kernel.stored(waiting.id).status).toBe('registered');

    const auto = setUp([rule({ auto: true })]);
    const c = auto.kernel.given(aCase());
    await auto.dispatching.autoDispatch(c.id);
    expect(auto.kernel.stored(c.id)).toMatchObject({ status: 'dispatched', leadUnitCode: '110105001' });
    expect(auto.kernel.events(c.id, 'dispatched')[0]).toMatchObject({ actorRole: 'system' });
    await auto.dispatching.autoDispatch(c.id); // a redelivered registration: already routed
    expect(auto.kernel.types(c.id)).toEqual(['dispatched']);
    await auto.dispatching.autoDispatch('00000000-0000-4000-8000-999999999999'); // not a case here: nothing
  });

  it('explains the catalogue’s suggestion for a case the viewer may see', async () => {
    const { kernel, dispatching } = setUp();
    const c = kernel.given(aCase());
    const decision = await dispatching.suggest(c.id, agent);
    expect(decision.suggestion).toMatchObject({ leadUnitCode: '110105001', source: 'rule', ruleId: 'rule-1' });
  });
});
