import { addMs, MINUTE_MS } from '@hotline/clock';
import type {
  Actor,
  CallEntity,
  CallsService,
  CaseRegistrationService,
  CaseViewsService,
  NewCase,
} from '@hotline/cases';
import { aCase, fakeCaseKernel } from '@hotline/cases/testing';
import { DomainError } from '@hotline/core';
import type { ReferenceDataService } from '@hotline/directory';
import type { DueDatesService } from '@hotline/sla';
import type { DispatchMessagesService } from './dispatch-messages.service';
import type { TransferEntity } from './entities/transfer.entity';
import { TransfersService } from './transfers.service';
import type { TransfersRepository } from './transfers.repository';
import { rejectionOf } from '@hotline/core/testing';

const agent: Actor = { userId: 'a1', role: 'agent', unitCode: null };
const water: Actor = { userId: null, role: 'handler', unitCode: 'UTIL-WATER' };
const UNITS = new Map([
  ['UTIL-WATER', { code: 'UTIL-WATER', kind: 'utility', active: true }],
  ['110105', { code: '110105', kind: 'district', active: true }],
]);

function setUp() {
  const kernel = fakeCaseKernel();
  const calls = new Map<string, Partial<CallEntity>>();
  const transfers: TransferEntity[] = [];
  const sent: { kind: string; data: object }[] = [];
  const callerSentTo: { caseId: string; unitCodes: readonly string[] }[] = [];
  const registered: NewCase[] = [];
  const service = new TransfersService(
    kernel.commands,
    {
      get: async (id: string) => {
        if (!calls.has(id)) throw new DomainError('call.not_found', `Call ${id} not found`);
        return calls.get(id);
      },
      markTransferred: async (id: string, at: Date) =>
        void Object.assign(calls.get(id)!, { status: 'transferred', transferredAt: at }),
    } as unknown as CallsService,
    {
      insert: async (row: Partial<TransferEntity>) => {
        const created = {
          ...row,
          id: `tr-${transfers.length + 1}`,
          status: 'pending',
          acknowledgedAt: null,
        } as TransferEntity;
        transfers.push(created);
        return created;
      },
      find: async (id: string) => transfers.find((t) => t.id === id) ?? null,
      lock: async (id: string) => transfers.find((t) => t.id === id) ?? null,
      acknowledge: async (id: string, at: Date) =>
        void Object.assign(
          transfers.find((t) => t.id === id)!,
          { status: 'acknowledged', acknowledgedAt: at },
        ),
    } as unknown as TransfersRepository,
    { snapshot: async () => ({ units: UNITS }) } as unknown as ReferenceDataService,
    {
      transferAckDue: async (_u: string, _c: string, at: Date) => addMs(at, 30 * MINUTE_MS),
    } as unknown as DueDatesService,
    {
      send: async (kind: string, data: object[]) => void sent.push(...data.map((d) => ({ kind, data: d }))),
    } as unknown as DispatchMessagesService,
    {
      recordSentToUnits: async (caseId: string, unitCodes: readonly string[]) =>
        void callerSentTo.push({ caseId, unitCodes }),
    } as unknown as CaseViewsService,
    {
      // Registers as the real service would: a new case, attached to its call.
      register: async (input: NewCase) => {
        registered.push(input);
        const c = kernel.given(aCase({ description: input.description, categoryCode: input.categoryCode }));
        Object.assign(calls.get(input.callId!)!, { caseId: c.id });
        return { case: c, repeatOf: null, existing: false };
      },
    } as unknown as CaseRegistrationService,
  );
  return { kernel, calls, transfers, sent, callerSentTo, registered, service };
}

describe('TransfersService', () => {
  it('transfers a registered call’s case to a utility: a transfer order with the caller, its acknowledgement clock', async () => {
    const { kernel, calls, sent, callerSentTo, service } = setUp();
    const c = kernel.given(aCase());
    calls.set('call-1', { id: 'call-1', caseId: c.id, callerNumber: '13812345678' });
    const transfer = await service.transfer('call-1', 'UTIL-WATER', undefined, agent);
    expect(transfer).toMatchObject({ caseId: c.id, utilityCode: 'UTIL-WATER', summary: c.description });
    expect(kernel.stored(c.id)).toMatchObject({ status: 'transferred', closedAt: kernel.clock.at });
    expect(kernel.clockChanges(c.id)).toEqual(['cancel:dispatch', 'start:transfer_ack']);
    expect(calls.get('call-1')).toMatchObject({ status: 'transferred' });
    expect(sent).toEqual([
      {
        kind: 'transferIssued',
        data: expect.objectContaining({ utilityCode: 'UTIL-WATER', callerNumber: '13812345678' }),
      },
    ]);
    expect(callerSentTo).toEqual([{ caseId: c.id, unitCodes: ['UTIL-WATER'] }]);
  });

  it('sends a confidential case’s transfer without the caller’s number, and audits no sending', async () => {
    const { kernel, calls, sent, callerSentTo, service } = setUp();
    const c = kernel.given(aCase({ confidential: true }));
    calls.set('call-1', { id: 'call-1', caseId: c.id, callerNumber: '13812345678' });
    await service.transfer('call-1', 'UTIL-WATER', undefined, agent);
    expect(sent[0].data).not.toHaveProperty('callerNumber');
    expect(callerSentTo).toEqual([{ caseId: c.id, unitCodes: [] }]);
  });

  it('tells the utility an enterprise’s company, and of a sensitive demand neither the company nor the caller', async () => {
    const { kernel, calls, sent, service } = setUp();
    const company = { companyName: '北京某某科技有限公司', companyCreditCode: '91110000600037341L' };
    const open = kernel.given(aCase({ requesterKind: 'enterprise', ...company }));
    const sensitive = kernel.given(aCase({ requesterKind: 'enterprise', ...company, sensitive: true }));
    calls.set('call-1', { id: 'call-1', caseId: open.id, callerNumber: '13812345678' });
    calls.set('call-2', { id: 'call-2', caseId: sensitive.id, callerNumber: '13912345678' });
    await service.transfer('call-1', 'UTIL-WATER', undefined, agent);
    await service.transfer('call-2', 'UTIL-WATER', undefined, agent);
    expect(sent[0].data).toMatchObject({
      callerNumber: '13812345678',
      company: { name: '北京某某科技有限公司', creditCode: '91110000600037341L' },
    });
    expect(JSON.parse(JSON.stringify(sent[1].data))).not.toHaveProperty('company');
    expect(sent[1].data).not.toHaveProperty('callerNumber');
  });

  it('refuses a non-utility, a call with no registered demand, and an unknown call', async () => {
    const { calls, service } = setUp();
    await expect(service.transfer('call-1', '110105', undefined, agent)).rejects.toMatchObject({
      fields: [{ field: 'utilityCode', reason: 'not_an_active_utility' }],
    });
    calls.set('call-2', { id: 'call-2', caseId: null });
    expect(await rejectionOf(service.transfer('call-2', 'UTIL-WATER', undefined, agent))).toBe('call.not_registered');
    expect(await rejectionOf(service.transfer('call-9', 'UTIL-WATER', undefined, agent))).toBe('call.not_found');
  });

  it('registers the demand of a call without a case from the transfer itself, then transfers it', async () => {
    const { kernel, calls, registered, transfers, service } = setUp();
    calls.set('call-3', { id: 'call-3', caseId: null, callerNumber: '13812345678' });
    const place = { categoryCode: '030101', districtCode: '110105', address: '建国路88号院' };
    const transfer = await service.transfer('call-3', 'UTIL-WATER', '停水了', agent, place);
    expect(registered).toEqual([
      expect.objectContaining({ callId: 'call-3', callerPhone: '13812345678', description: '停水了', ...place }),
    ]);
    expect(transfers).toHaveLength(1);
    expect(kernel.stored(transfer.caseId)).toMatchObject({ status: 'transferred' });

    calls.set('call-4', { id: 'call-4', caseId: null, callerNumber: '13812345678' });
    await expect(
      service.transfer('call-4', 'UTIL-WATER', undefined, agent, { districtCode: '110105' }),
    ).rejects.toMatchObject({
      fields: [{ field: 'summary' }, { field: 'categoryCode' }, { field: 'address' }],
    });
    expect(registered).toHaveLength(1);
  });

  it('takes the utility’s acknowledgement once (a repeat changes nothing), and hides it from other units', async () => {
    const { kernel, calls, sent, service } = setUp();
    const c = kernel.given(aCase());
    calls.set('call-1', { id: 'call-1', caseId: c.id, callerNumber: '13812345678' });
    const transfer = await service.transfer('call-1', 'UTIL-WATER', '停水了', agent);
    expect(await rejectionOf(service.acknowledge(transfer.id, { ...water, unitCode: 'UTIL-GAS' }))).toBe(
      'transfer.not_found',
    );
    kernel.clock.at = addMs(kernel.clock.at, 31 * MINUTE_MS);
    const acknowledged = await service.acknowledge(transfer.id, water);
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedAt: kernel.clock.at });
    expect(kernel.events(c.id, 'transfer_acknowledged')[0].data).toMatchObject({
      late: true,
      utilityCode: 'UTIL-WATER',
    });
    await service.acknowledge(transfer.id, water);
    expect(kernel.types(c.id).filter((t) => t === 'transfer_acknowledged')).toHaveLength(1);
    expect(sent.filter((m) => m.kind === 'transferAcknowledged')).toHaveLength(1);
  });
});
