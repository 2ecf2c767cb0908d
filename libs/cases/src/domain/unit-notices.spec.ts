import { CASE_EVENT_NAMES } from '../events/case.events';
import { NOTICE_EVENT_NAMES, unitNoticesOf } from './unit-notices';

const subject = { leadUnitCode: 'L', coUnitCodes: ['C1', 'C2'] };

describe('unitNoticesOf', () => {
  it('tells the unit a clock or a supervision order names', () => {
    expect(unitNoticesOf('sla_warning', { unitCode: 'L' }, null, subject)).toEqual([
      { kind: 'sla_warning', unitCode: 'L', role: 'lead' },
    ]);
    expect(unitNoticesOf('supervision_issued', { unitCode: 'C1' }, null, subject)).toEqual([
      { kind: 'supervision_issued', unitCode: 'C1', role: 'co' },
    ]);
  });

  it('tells nobody when the clock is the centre’s own', () => {
    expect(unitNoticesOf('sla_breached', { unitCode: null }, null, subject)).toEqual([]);
  });

  it('tells every holder of a changed case deadline, each once', () => {
    const targets = unitNoticesOf('deadline_changed', {}, null, { leadUnitCode: 'L', coUnitCodes: ['C1', 'L'] });
    expect(targets.map((t) => t.unitCode)).toEqual(['L', 'C1']);
  });

  it('confirms a co-handler’s own step to that co-handler', () => {
    expect(unitNoticesOf('co_signed', {}, 'C2', subject)).toEqual([{ kind: 'signed', unitCode: 'C2', role: 'co' }]);
  });

  it('names a unit that no longer holds an order without a role', () => {
    expect(unitNoticesOf('return_reviewed', { unitCode: 'X' }, null, subject)).toEqual([
      { kind: 'return_reviewed', unitCode: 'X', role: null },
    ]);
  });

  it('names only case events that exist', () => {
    expect(NOTICE_EVENT_NAMES.filter((n) => !(CASE_EVENT_NAMES as readonly string[]).includes(n))).toEqual([]);
  });

  it('ignores events that concern no unit', () => {
    expect(unitNoticesOf('registered', {}, null, subject)).toEqual([]);
    expect(unitNoticesOf('callback_recorded', { unitCode: 'L' }, null, subject)).toEqual([]);
    expect(unitNoticesOf('constructor', {}, null, subject)).toEqual([]);
  });
});
