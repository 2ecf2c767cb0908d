import type { Actor } from '@hotline/cases';
import { aDispatchedCase, fakeCaseKernel } from '@hotline/cases/testing';
import type { CaseReturnEntity } from './entities/case-return.entity';
import type { ReturnsRepository } from './returns.repository';
import { ReturnsService } from './returns.service';
import { fakeOrders } from './testing';
import { rejectionOf } from '@hotline/core/testing';

const STREET = '110105001';
const handler = (unitCode: string): Actor => ({ userId: `u-${unitCode}`, role: 'handler', unitCode });
const supervisor: Actor = { userId: 's1', role: 'supervisor', unitCode: null };

function setUp() {
  const kernel = fakeCaseKernel();
  const { orders, assignments, sent } = fakeOrders(kernel.clock);
  const rows: CaseReturnEntity[] = [];
  const repository = {
    insert: async (row: Omit<CaseReturnEntity, 'id' | 'status'>) => {
      const created = { ...row, id: `ret-${rows.length + 1}`, status: 'pending' } as CaseReturnEntity;
      rows.push(created);
      return created;
    },
    find: async (id: string, caseId: string) => rows.find((r) => r.id === id && r.caseId === caseId) ?? null,
    review: async (id: string, review: Partial<CaseReturnEntity>) =>
      void Object.assign(
        rows.find((r) => r.id === id)!,
        review,
      ),
  } as unknown as ReturnsRepository;
  const returns = new ReturnsService(kernel.commands, repository, orders);
  const dispatched = async (status: 'dispatched' | 'signed' = 'dispatched') => {
    const c = kernel.given(aDispatchedCase(STREET, ['DEPT-A'], { status }));
    await assignments.insert([
      { caseId: c.id, unitCode: STREET, role: 'lead', dispatchNo: 1, issuedAt: c.dispatchedAt! },
      { caseId: c.id, unitCode: 'DEPT-A', role: 'co', dispatchNo: 1, issuedAt: c.dispatchedAt! },
    ]);
    return c;
  };
  return { kernel, returns, rows, sent, dispatched };
}

describe('ReturnsService', () => {
  it('takes a return from the lead only, once at a time', async () => {
    const { kernel, returns, dispatched } = setUp();
    const c = await dispatched();
    expect(
      await rejectionOf(returns.request(c.id, { reasonCode: 'wrong_location', reason: '不在辖区' }, handler('DEPT-A'))),
    ).toBe('order.lead_only');
    const request = await returns.request(c.id, { reasonCode: 'wrong_location', reason: '不在辖区' }, handler(STREET));
    expect(request).toMatchObject({ unitCode: STREET, dispatchNo: 1, askedFrom: 'dispatched', status: 'pending' });
    expect(kernel.stored(c.id).status).toBe('return_requested');
    expect(await rejectionOf(returns.request(c.id, { reasonCode: 'other', reason: '再退' }, handler(STREET)))).toBe(
      'return.pending',
    );
  });

  it('approves: orders cancelled to every unit, clocks cancelled, back to registered, first dispatch counted inaccurate', async () => {
    const { kernel, returns, sent, dispatched } = setUp();
    const c = await dispatched('signed');
    const request = await returns.request(
      c.id,
      { reasonCode: 'not_our_jurisdiction', reason: '非本单位职责' },
      handler(STREET),
    );
    const reviewed = await returns.review(c.id, request.id, true, '同意', supervisor);
    expect(reviewed).toMatchObject({
      status: 'registered',
      leadUnitCode: null,
      coUnitCodes: [],
      resolveDueAt: null,
      firstDispatchReturned: true,
      unitCodes: [STREET, 'DEPT-A'],
    });
    expect(sent.filter((m) => m.kind === 'orderCancelled').map((m) => m.data.unitCode)).toEqual([STREET, 'DEPT-A']);
    expect(kernel.clockChanges(c.id)).toEqual(['cancel:sign', 'cancel:response', 'cancel:resolve', 'cancel:report']);
    expect(await rejectionOf(returns.review(c.id, request.id, false, undefined, supervisor))).toBe(
      'return.already_reviewed',
    );
  });

  it('rejects: the case goes back to the state it was asked from, the orders stay', async () => {
    const { kernel, returns, sent, dispatched } = setUp();
    const c = await dispatched('signed');
    const request = await returns.request(c.id, { reasonCode: 'other', reason: '理由不足' }, handler(STREET));
    const reviewed = await returns.review(c.id, request.id, false, '请继续办理', supervisor);
    expect(reviewed).toMatchObject({ status: 'signed', leadUnitCode: STREET, firstDispatchReturned: false });
    expect(sent.filter((m) => m.kind === 'orderCancelled')).toEqual([]);
    expect(kernel.events(c.id, 'return_reviewed')[0]).toMatchObject({
      data: { approved: false, note: '请继续办理' },
      after: { status: 'signed', leadUnitCode: STREET },
    });
    expect(await rejectionOf(returns.review(c.id, 'nope', true, undefined, supervisor))).toBe('return.not_found');
  });
});
