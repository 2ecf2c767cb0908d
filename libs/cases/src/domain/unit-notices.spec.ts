import { CASE_EVENT_NAMES } from '../events/case.events';
import { NOTICE_EVENT_NAMES, unitNoticesOf } from './unit-notices';

const subject = { leadUnitCode: 'L', coUnitCodes: ['C1', 'C2'], forwardedToUnitCode: null };
const forwarded = { ...subject, forwardedToUnitCode: 'S' };

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
    const targets = unitNoticesOf('deadline_changed', {}, null, { ...subject, coUnitCodes: ['C1', 'L'] });
    expect(targets.map((t) => t.unitCode)).toEqual(['L', 'C1']);
  });

  it('tells the community a street forwarded the case to what the lead hears, and the lead’s clocks and orders', () => {
    expect(unitNoticesOf('sla_warning', { unitCode: 'L' }, null, forwarded)).toEqual([
      { kind: 'sla_warning', unitCode: 'L', role: 'lead' },
      { kind: 'sla_warning', unitCode: 'S', role: 'sub' },
    ]);
    expect(unitNoticesOf('extension_reviewed', {}, null, forwarded).map((t) => t.unitCode)).toEqual(['L', 'S']);
    expect(unitNoticesOf('deadline_changed', {}, null, forwarded).map((t) => t.unitCode)).toEqual([
      'L',
      'S',
      'C1',
      'C2',
    ]);
    // Not a co-handler's clock, nor the street's own assignment of a person.
    expect(unitNoticesOf('sla_warning', { unitCode: 'C1' }, null, forwarded).map((t) => t.unitCode)).toEqual(['C1']);
    expect(unitNoticesOf('assigned', { unitCode: 'L' }, null, forwarded).map((t) => t.unitCode)).toEqual(['L']);
  });

  it('tells the lead (and its forwardee) the centre’s review of its result', () => {
    expect(unitNoticesOf('result_reviewed', {}, null, forwarded)).toEqual([
      { kind: 'result_reviewed', unitCode: 'L', role: 'lead' },
      { kind: 'result_reviewed', unitCode: 'S', role: 'sub' },
    ]);
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
