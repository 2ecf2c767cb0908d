import { addMs, DAY_MS, HOUR_MS } from '@hotline/clock';
import { type Actor, type CaseEntity } from '@hotline/cases';
import { aDispatchedCase, fakeCaseKernel } from '@hotline/cases/testing';
import { fakeOrders } from '@hotline/dispatch/testing';
import type { DueDatesService } from '@hotline/sla';
import type { CaseExtensionEntity } from './entities/case-extension.entity';
import type { ExtensionsRepository } from './extensions.repository';
import { HandlingService } from './handling.service';
import { rejectionOf } from '@hotline/core/testing';

const STREET = '110105001';
const DEPT = 'DEPT-URBAN-MANAGEMENT';
const handler = (unitCode: string): Actor => ({ userId: `u-${unitCode}`, role: 'handler', unitCode });
const supervisor: Actor = { userId: 's1', role: 'supervisor', unitCode: null };

/** `case_extensions` in memory. */
class Extensions {
  rows: CaseExtensionEntity[] = [];
  async insert(row: Omit<CaseExtensionEntity, 'id' | 'status' | 'reviewedBy' | 'reviewedAt'>) {
    const created = {
      ...row,
      id: `ext-${this.rows.length + 1}`,
      status: 'pending' as const,
      reviewedBy: null,
      reviewedAt: null,
    };
    this.rows.push(created);
    return created;
  }
  async find(id: string, caseId: string) {
    return this.rows.find((r) => r.id === id && r.caseId === caseId) ?? null;
  }
  async hasPending(caseId: string) {
    return this.rows.some((r) => r.caseId === caseId && r.status === 'pending');
  }
  async review(id: string, review: Partial<CaseExtensionEntity>) {
    Object.assign(
      this.rows.find((r) => r.id === id)!,
      review,
    );
  }
}

function setUp() {
  const kernel = fakeCaseKernel();
  const { orders, assignments, sent } = fakeOrders(kernel.clock);
  const extensions = new Extensions();
  const dueDates = {
    callbackDue: async (_u: string, _c: string, from: Date) => addMs(from, 48 * HOUR_MS),
    // The centre's review of results is proved against the real policy table (result-review-and-reopen e2e).
    reviewsResult: async () => false,
  };
  const handling = new HandlingService(
    kernel.commands,
    orders,
    extensions as unknown as ExtensionsRepository,
    dueDates as unknown as DueDatesService,
  );
  /** A case dispatched to the street (and co-handlers), with their active orders. */
  const dispatched = async (co: string[] = [], overrides: Partial<CaseEntity> = {}) => {
    const c = kernel.given(aDispatchedCase(STREET, co, overrides));
    await assignments.insert([
      { caseId: c.id, unitCode: STREET, role: 'lead', dispatchNo: 1, issuedAt: c.dispatchedAt! },
      ...co.map((unitCode) => ({
        caseId: c.id,
        unitCode,
        role: 'co' as const,
        dispatchNo: 1,
        issuedAt: c.dispatchedAt!,
      })),
    ]);
    return c;
  };
  return { kernel, handling, assignments, extensions, sent, dispatched };
}

describe('HandlingService', () => {
  it('signs as the lead: the case is signed, its sign clock met, the order stamped', async () => {
    const { kernel, handling, assignments, dispatched } = setUp();
    const c = await dispatched();
    const signed = await handling.sign(c.id, handler(STREET));
    expect(signed).toMatchObject({ status: 'signed', signedAt: kernel.clock.at, version: 2 });
    expect(kernel.clockChanges(c.id)).toEqual(['meet:sign']);
    expect(kernel.types(c.id)).toEqual(['signed']);
    expect(assignments.rows.find((o) => o.unitCode === STREET)?.signedAt).toEqual(kernel.clock.at);
    expect(await rejectionOf(handling.sign(c.id, handler(STREET)))).toBe('case.already_signed');
  });

  it('signs a co-handler’s own order without touching the case, once', async () => {
    const { kernel, handling, dispatched } = setUp();
    const c = await dispatched([DEPT]);
    const after = await handling.sign(c.id, handler(DEPT));
    expect(after).toMatchObject({ status: 'dispatched', version: 1 });
    expect(kernel.types(c.id)).toEqual(['co_signed']);
    expect(kernel.clockChanges(c.id)).toEqual([]);
    expect(await rejectionOf(handling.sign(c.id, handler(DEPT)))).toBe('order.already_signed');
  });

  it('refuses a unit without an active order (403) and one that never saw the case (404)', async () => {
    const { kernel, handling, dispatched } = setUp();
    const c = await dispatched();
    kernel.given({ ...kernel.stored(c.id), unitCodes: [STREET, '110105'] }); // the district was once on it
    expect(await rejectionOf(handling.sign(c.id, handler('110105')))).toBe('order.none_active');
    expect(await rejectionOf(handling.sign(c.id, handler('110108001')))).toBe('case.not_found');
  });

  it('responds once, late or on time, and only as the lead', async () => {
    const { kernel, handling, dispatched } = setUp();
    const c = await dispatched([DEPT]);
    expect(await rejectionOf(handling.respond(c.id, '已联系', handler(DEPT)))).toBe('order.lead_only');
    kernel.clock.at = addMs(c.responseDueAt!, 1000);
    const responded = await handling.respond(c.id, '已电话联系市民', handler(STREET));
    expect(responded.respondedAt).toEqual(kernel.clock.at);
    expect(kernel.events(c.id, 'responded')[0].data).toEqual({ note: '已电话联系市民', late: true });
    expect(kernel.clockChanges(c.id)).toEqual(['meet:response']);
    expect(await rejectionOf(handling.respond(c.id, '再次联系', handler(STREET)))).toBe('case.already_responded');
  });

  it('lets a co-handler, and only a co-handler, report its part', async () => {
    const { kernel, handling, dispatched } = setUp();
    const c = await dispatched([DEPT]);
    await handling.reportPart(c.id, '已派执法队', handler(DEPT));
    expect(kernel.events(c.id, 'co_handler_reported')[0].data).toMatchObject({ note: '已派执法队' });
    expect(kernel.clockChanges(c.id)).toContain('meet:report'); // its own report clock, and only its own
    expect(await rejectionOf(handling.reportPart(c.id, 'x', handler(STREET)))).toBe('order.co_only');
  });

  it('takes one extension request at a time, and an approval moves the resolve deadline with its reason', async () => {
    const { kernel, handling, extensions, dispatched } = setUp();
    const c = await dispatched();
    const request = await handling.requestExtension(c.id, 72, '需协调产权单位', handler(STREET));
    expect(request).toMatchObject({ caseId: c.id, unitCode: STREET, hours: 72, status: 'pending' });
    expect(kernel.stored(c.id).version).toBe(2); // touched: a concurrent action conflicts
    expect(await rejectionOf(handling.requestExtension(c.id, 24, '再延', handler(STREET)))).toBe('extension.pending');

    const moved = await handling.reviewExtension(c.id, request.id, true, supervisor);
    expect(moved.resolveDueAt).toEqual(addMs(c.resolveDueAt!, 72 * HOUR_MS));
    expect(kernel.clockChanges(c.id)).toEqual(['start:resolve']);
    expect(kernel.events(c.id, 'deadline_changed')[0]).toMatchObject({
      data: { deadline: 'resolve', reason: 'extension approved: 需协调产权单位', extensionId: request.id },
      before: { resolveDueAt: c.resolveDueAt!.toISOString() },
      after: { resolveDueAt: moved.resolveDueAt!.toISOString() },
    });
    expect(extensions.rows[0]).toMatchObject({ status: 'approved', reviewedBy: 's1' });
    expect(await rejectionOf(handling.reviewExtension(c.id, request.id, false, supervisor))).toBe(
      'extension.already_reviewed',
    );
    expect(await rejectionOf(handling.reviewExtension(c.id, 'nope', true, supervisor))).toBe('extension.not_found');
  });

  it('records a rejected extension without moving anything', async () => {
    const { kernel, handling, dispatched } = setUp();
    const c = await dispatched();
    const request = await handling.requestExtension(c.id, 24, '需要时间', handler(STREET));
    const after = await handling.reviewExtension(c.id, request.id, false, supervisor);
    expect(after.resolveDueAt).toEqual(c.resolveDueAt);
    expect(kernel.events(c.id, 'extension_reviewed')[0].data).toEqual({ extensionId: request.id, approved: false });
    expect(kernel.types(c.id)).not.toContain('deadline_changed');
  });

  it('resolves a signed case: callback clock started for a reasonable demand, every order completed', async () => {
    const { kernel, handling, sent, dispatched } = setUp();
    const c = await dispatched([DEPT]);
    expect(await rejectionOf(handling.resolve(c.id, 'solved', '已清理', handler(STREET)))).toBe('case.not_signed');
    await handling.sign(c.id, handler(STREET));
    const resolved = await handling.resolve(c.id, 'solved', '已清理占道摊位', handler(STREET));
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolutionOutcome: 'solved',
      resolutionReply: '已清理占道摊位',
      callbackDueAt: addMs(kernel.clock.at, 48 * HOUR_MS),
    });
    expect(kernel.clockChanges(c.id)).toEqual(['meet:sign', 'meet:resolve', 'cancel:report', 'start:callback']);
    expect(
      sent
        .filter((m) => m.kind === 'orderCompleted')
        .map((m) => m.data.unitCode)
        .sort(),
    ).toEqual([STREET, DEPT]);
    expect(kernel.events(c.id, 'resolved')[0].data).toMatchObject({ outcome: 'solved', late: false });
  });

  it('starts no callback clock for a demand marked unreasonable, and says when it was late', async () => {
    const { kernel, handling, dispatched } = setUp();
    const c = await dispatched([], { status: 'signed', reasonable: false });
    kernel.clock.at = addMs(c.resolveDueAt!, DAY_MS);
    await handling.resolve(c.id, 'partly', '部分解决', handler(STREET));
    expect(kernel.clockChanges(c.id)).toEqual(['meet:resolve', 'cancel:report']);
    expect(kernel.events(c.id, 'resolved')[0].data).toMatchObject({ late: true });
  });
});
