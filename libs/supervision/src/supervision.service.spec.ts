import { addMs, HOUR_MS } from '@hotline/clock';
import type { Actor } from '@hotline/cases';
import { aDispatchedCase, fakeCaseKernel } from '@hotline/cases/testing';
import type { SupervisionEntity } from './entities/supervision.entity';
import { SupervisionService } from './supervision.service';
import type { SupervisionsRepository } from './supervisions.repository';
import { rejectionOf } from '@hotline/core/testing';

const supervisor: Actor = { userId: 's1', role: 'supervisor', unitCode: null };
const handler = (unitCode: string): Actor => ({ userId: `u-${unitCode}`, role: 'handler', unitCode });

class Supervisions {
  rows: SupervisionEntity[] = [];
  busy = new Set<string>();
  async insert(row: Partial<SupervisionEntity>) {
    const created = {
      ...row,
      id: `sup-${this.rows.length + 1}`,
      status: 'open',
      escalations: 0,
      reply: null,
    } as SupervisionEntity;
    this.rows.push(created);
    return { ...created };
  }
  async find(id: string) {
    const found = this.rows.find((r) => r.id === id);
    return found ? { ...found } : null;
  }
  lock(id: string) {
    return this.find(id);
  }
  async existsForTrigger(eventId: string) {
    return this.rows.some((r) => r.triggerEventId === eventId);
  }
  async update(id: string, changes: Partial<SupervisionEntity>) {
    Object.assign(
      this.rows.find((r) => r.id === id)!,
      changes,
    );
  }
  async standingLevels(caseId: string, unitCode: string | null) {
    return this.rows
      .filter((r) => r.caseId === caseId && r.unitCode === unitCode && r.status !== 'closed')
      .map((r) => r.level);
  }
  async overdueCaseIds(now: Date) {
    return [...new Set(this.rows.filter((r) => r.status === 'open' && r.dueAt <= now).map((r) => r.caseId))];
  }
  async lockOverdue(caseIds: string[], now: Date) {
    return this.rows
      .filter((r) => caseIds.includes(r.caseId) && r.status === 'open' && r.dueAt <= now && !this.busy.has(r.id))
      .map((r) => ({ ...r })); // fresh rows, as a database would return
  }
}

function setUp() {
  const kernel = fakeCaseKernel();
  const store = new Supervisions();
  const service = new SupervisionService(kernel.commands, store as unknown as SupervisionsRepository, kernel.clock);
  return { kernel, store, service };
}

const trigger = (caseId: string, eventId = 'ev-1') => ({
  eventId,
  caseId,
  trigger: 'deadline_missed',
  occurredAt: new Date('2026-11-30T10:00:00+08:00'),
  detail: '时限超期 (sign)',
});

describe('SupervisionService', () => {
  it('issues one order per trigger, addressed to the lead unit, due in 24 h', async () => {
    const { kernel, store, service } = setUp();
    const c = kernel.given(aDispatchedCase('110105001'));
    const order = await service.issueForTrigger(trigger(c.id));
    expect(order).toMatchObject({
      unitCode: '110105001',
      level: 'urge',
      trigger: 'deadline_missed',
      note: '自动督办：时限超期 (sign)',
      dueAt: addMs(kernel.clock.at, 24 * HOUR_MS),
    });
    expect(await service.issueForTrigger(trigger(c.id))).toBeNull(); // the same trigger, redelivered
    expect(store.rows).toHaveLength(1);
    expect(kernel.types(c.id)).toEqual(['supervision_issued']);
    expect(kernel.events(c.id, 'supervision_issued')[0]).toMatchObject({ actorRole: 'system' });
  });

  it('lets the addressed unit reply once, and a supervisor close once', async () => {
    const { kernel, service } = setUp();
    const c = kernel.given(aDispatchedCase('110105001'));
    const order = await service.issueByHand(c.id, 'listed', '挂牌督办', undefined, supervisor);
    expect(order.dueAt).toEqual(addMs(kernel.clock.at, 4 * HOUR_MS));
    expect(await rejectionOf(service.reply(order.id, 'x', handler('110108001')))).toBe('supervision.not_found');
    const replied = await service.reply(order.id, '已处理', handler('110105001'));
    expect(replied).toMatchObject({ status: 'replied', reply: '已处理', repliedAt: kernel.clock.at });
    expect(await rejectionOf(service.reply(order.id, '再答', handler('110105001')))).toBe('supervision.not_open');
    expect((await service.close(order.id, supervisor)).status).toBe('closed');
    expect(kernel.events(c.id, 'supervision_closed')[0].data).toMatchObject({ standingLevel: null });
    expect(await rejectionOf(service.close(order.id, supervisor))).toBe('supervision.already_closed');
    expect(kernel.types(c.id)).toEqual(['supervision_issued', 'supervision_replied', 'supervision_closed']);
  });

  it('escalates overdue open orders a level with a shorter due time, skipping ones another sweep holds', async () => {
    const { kernel, store, service } = setUp();
    const c = kernel.given(aDispatchedCase('110105001'));
    const first = await service.issueForTrigger(trigger(c.id, 'ev-1'));
    const second = await service.issueForTrigger(trigger(c.id, 'ev-2'));
    store.busy.add(second!.id);
    kernel.clock.at = addMs(kernel.clock.at, 25 * HOUR_MS);
    expect(await service.escalateOverdue(100)).toBe(1);
    expect(store.rows.find((r) => r.id === first!.id)).toMatchObject({
      level: 'supervise',
      escalations: 1,
      dueAt: addMs(kernel.clock.at, 12 * HOUR_MS),
    });
    expect(store.rows.find((r) => r.id === second!.id)).toMatchObject({ level: 'urge', escalations: 0 });
    expect(kernel.events(c.id, 'supervision_escalated')[0].data).toMatchObject({
      from: 'urge',
      to: 'supervise',
      standingLevel: 'supervise',
    });
    // A third, milder order beside the escalated one: the unit still stands under 督办.
    await service.issueForTrigger(trigger(c.id, 'ev-3'));
    expect(kernel.events(c.id, 'supervision_issued')[2].data).toMatchObject({
      level: 'urge',
      standingLevel: 'supervise',
    });
  });
});
