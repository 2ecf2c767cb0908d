import { addMs, DAY_MS, HOUR_MS } from '@hotline/clock';
import type { AppConfig } from '@hotline/config';
import type { ReferenceDataService } from '@hotline/directory';
import type { DueDatesService } from '@hotline/sla';
import type { CallsService } from './calls.service';
import type { CaseNumbersService } from './case-numbers.service';
import { CaseRegistrationService, NewCase } from './case-registration.service';
import type { CasesRepository } from './cases.repository';
import { A_PLACED_COMPLAINT, fakeCaseKernel, NO_TRANSACTION } from './testing';

const agent = { userId: 'a1', role: 'agent' as const, unitCode: null };
const demand = (overrides: Partial<NewCase> = {}): NewCase => ({
  ...A_PLACED_COMPLAINT,
  callerPhone: '138 1234 5678',
  description: '停水了',
  ...overrides,
});

function setUp() {
  const kernel = fakeCaseKernel();
  const attached: [string, string][] = [];
  let number = 0;
  const snapshot = {
    categories: new Map([['010101', { code: '010101', level: 3, active: true }]]),
    units: new Map([
      ['110105', { code: '110105', kind: 'district', parentCode: null, active: true }],
      ['110105001', { code: '110105001', kind: 'street', parentCode: '110105', active: true }],
    ]),
    hotlines: new Map([['12345', { code: '12345', number: '12345' }]]),
    primaryHotline: { code: '12345', number: '12345' },
  };
  const registration = new CaseRegistrationService(
    NO_TRANSACTION,
    kernel.commands,
    kernel.cases as unknown as CasesRepository,
    {
      forRegistration: async (id: string) => ({
        id,
        sourceHotlineCode: '12345',
        dialedNumber: '12345',
        overflowFrom: null,
        caseId: attached.findLast(([callId]) => callId === id)?.[1] ?? null,
      }),
      attachToCase: async (callId: string, caseId: string) => void attached.push([callId, caseId]),
    } as unknown as CallsService,
    { next: async () => ++number } as unknown as CaseNumbersService,
    { snapshot: async () => snapshot } as unknown as ReferenceDataService,
    {
      dispatchDue: async (_u: string, _c: string, at: Date) => addMs(at, 24 * HOUR_MS),
      // The next working hour, as far as this spec cares: ten hours on.
      nextWorkingHour: async (at: Date) => addMs(at, 10 * HOUR_MS),
    } as unknown as DueDatesService,
    { REPEAT_WINDOW_DAYS: 30 } as AppConfig,
    kernel.clock,
  );
  return { kernel, registration, attached };
}

describe('CaseRegistrationService', () => {
  it('registers a first call: numbered by the Beijing day, the dispatch clock started, the call attached', async () => {
    const { kernel, registration, attached } = setUp();
    const { case: c, repeatOf } = await registration.register(demand({ callId: 'call-1' }), agent);
    expect(repeatOf).toBeNull();
    expect(c).toMatchObject({
      caseNumber: '20261130-0000001',
      status: 'registered',
      callerPhone: '13812345678',
      firstCall: true,
      registeredAt: kernel.clock.at,
      dispatchDueAt: addMs(kernel.clock.at, 24 * HOUR_MS),
    });
    expect(kernel.types(c.id)).toEqual(['registered']);
    expect(kernel.clockChanges(c.id)).toEqual(['start:dispatch']);
    expect(attached).toEqual([['call-1', c.id]]);
  });

  it('starts the dispatch clock of a demand left after hours at the next working hour', async () => {
    const { kernel, registration } = setUp();
    const { case: c } = await registration.register(demand({ channel: 'web', waitsForOfficeHours: true }), agent);
    expect(c).toMatchObject({ registeredAt: kernel.clock.at, dispatchDueAt: addMs(kernel.clock.at, 34 * HOUR_MS) });
  });

  it('joins a repeat call to the caller’s open case, and triggers supervision at the 2nd repeat', async () => {
    const { kernel, registration } = setUp();
    const first = (await registration.register(demand(), agent)).case;
    const again = await registration.register(demand({ description: '还是停水' }), agent);
    expect(again).toMatchObject({ repeatOf: first.id, case: { id: first.id, repeatCount: 1 } });
    await registration.register(demand(), agent);
    expect(kernel.types(first.id)).toEqual(['registered', 'merged', 'merged', 'supervision_triggered']);
    expect(kernel.cases.rows.size).toBe(1);
  });

  it('answers the case a call made already, changing nothing: a call creates at most one case', async () => {
    const { kernel, registration, attached } = setUp();
    const first = await registration.register(demand({ callId: 'call-1' }), agent);
    const retried = await registration.register(demand({ callId: 'call-1' }), agent);
    expect(retried).toMatchObject({ existing: true, repeatOf: null, case: { id: first.case.id, repeatCount: 0 } });
    expect(first.existing).toBe(false);
    const forced = await registration.register(demand({ callId: 'call-1', forceNew: true }), agent);
    expect(forced).toMatchObject({ existing: true, case: { id: first.case.id } });
    expect(kernel.types(first.case.id)).toEqual(['registered']);
    expect(kernel.outbox).toHaveLength(1);
    expect(kernel.cases.rows.size).toBe(1);
    expect(attached).toEqual([['call-1', first.case.id]]);
  });

  it('a repeat call merged into the open case is not merged again when retried', async () => {
    const { kernel, registration } = setUp();
    const open = (await registration.register(demand(), agent)).case;
    const merged = await registration.register(demand({ callId: 'call-2' }), agent);
    const retried = await registration.register(demand({ callId: 'call-2' }), agent);
    expect(merged).toMatchObject({ existing: false, repeatOf: open.id, case: { repeatCount: 1 } });
    expect(retried).toMatchObject({ existing: true, case: { id: open.id, repeatCount: 1 } });
    expect(kernel.types(open.id)).toEqual(['registered', 'merged']);
  });

  it('registers a new matter on an agent’s word: not a first call, pointing at the open case', async () => {
    const { registration } = setUp();
    const first = (await registration.register(demand(), agent)).case;
    const forced = await registration.register(demand({ forceNew: true }), agent);
    expect(forced.case.id).not.toBe(first.id);
    expect(forced).toMatchObject({ repeatOf: first.id, case: { firstCall: false, repeatOf: first.id } });
  });

  it('no longer joins a case older than the repeat window', async () => {
    const { kernel, registration } = setUp();
    const first = (await registration.register(demand(), agent)).case;
    kernel.clock.at = addMs(kernel.clock.at, 31 * DAY_MS);
    expect((await registration.register(demand(), agent)).case.id).not.toBe(first.id);
  });

  it('registers an enterprise’s demand with its company, whose identity stays out of the event', async () => {
    const { kernel, registration } = setUp();
    const company = { name: '北京某某科技有限公司', creditCode: '91110000600037341l' };
    const { case: c } = await registration.register(
      demand({ requesterKind: 'enterprise', company, sensitive: true }),
      agent,
    );
    expect(c).toMatchObject({
      requesterKind: 'enterprise',
      companyName: '北京某某科技有限公司',
      companyCreditCode: '91110000600037341L',
      sensitive: true,
    });
    const [registered] = kernel.events(c.id, 'registered');
    expect(registered.data).toMatchObject({ requesterKind: 'enterprise', sensitive: true });
    expect(JSON.stringify(registered.data)).not.toMatch(/91110000600037341|科技/i);
  });

  it('joins a repeat demand only to an open case of the same requester, equally sensitive', async () => {
    const { kernel, registration } = setUp();
    const company = { name: '北京某某科技有限公司', creditCode: '91110000600037341L' };
    const citizens = (await registration.register(demand(), agent)).case;
    const enterprise = await registration.register(demand({ requesterKind: 'enterprise', company }), agent);
    const sensitive = await registration.register(
      demand({ requesterKind: 'enterprise', company, sensitive: true }),
      agent,
    );
    const again = await registration.register(demand({ requesterKind: 'enterprise', company }), agent);
    expect(new Set([citizens.id, enterprise.case.id, sensitive.case.id]).size).toBe(3);
    expect(again).toMatchObject({ repeatOf: enterprise.case.id, case: { id: enterprise.case.id, repeatCount: 1 } });
    expect(kernel.cases.rows.size).toBe(3);
  });

  it('refuses an enterprise’s demand without its company, or with a wrong credit code, and a company for a citizen', async () => {
    const { registration } = setUp();
    await expect(registration.register(demand({ requesterKind: 'enterprise' }), agent)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'company', reason: 'required' })],
    });
    const wrong = { name: '北京某某科技有限公司', creditCode: '91110000600037341N' };
    await expect(
      registration.register(demand({ requesterKind: 'enterprise', company: wrong }), agent),
    ).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'company.creditCode', reason: 'check_digit' })],
    });
    await expect(registration.register(demand({ company: wrong }), agent)).rejects.toMatchObject({
      fields: [expect.objectContaining({ field: 'company', reason: 'enterprise_only' })],
    });
  });

  it('names every bad field in one refusal, a bad phone first', async () => {
    const { registration } = setUp();
    await expect(
      registration.register(demand({ callerPhone: '12', categoryCode: '99', streetCode: 'X' }), agent),
    ).rejects.toMatchObject({
      reason: 'input.invalid',
      fields: [
        expect.objectContaining({ field: 'callerPhone', reason: 'not_a_phone' }),
        expect.objectContaining({ field: 'categoryCode', reason: 'unknown_category' }),
        expect.objectContaining({ field: 'streetCode', reason: 'not_a_street' }),
      ],
    });
  });
});
