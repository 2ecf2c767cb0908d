import { reasonOf } from '@hotline/core/testing';
import {
  assertCanForward,
  assertUnitsWorking,
  checkAddedCoHandler,
  checkForwardTarget,
  type HeldCase,
} from './added-units';

const STREET = '110105001';
const community = { kind: 'community', parentCode: STREET, active: true };
const held: HeldCase = {
  status: 'signed',
  leadUnitCode: STREET,
  coUnitCodes: ['DEPT-WATER'],
  forwardedToUnitCode: null,
};

describe('forwarding to a community (转派)', () => {
  it('is the signed lead street’s to do', () => {
    expect(() => assertCanForward(held, { role: 'lead' })).not.toThrow();
    expect(reasonOf(() => assertCanForward(held, { role: 'sub' }))).toBe('order.lead_only');
    expect(reasonOf(() => assertCanForward(held, { role: 'co' }))).toBe('order.lead_only');
    expect(reasonOf(() => assertCanForward({ ...held, status: 'dispatched' }, { role: 'lead' }))).toBe(
      'case.not_signed',
    );
  });

  it('goes only to an active community under the lead street, and not to the one holding it', () => {
    expect(checkForwardTarget('110105001002', community, held)).toEqual([]);
    const reason = (unit: typeof community | undefined, c = held) =>
      checkForwardTarget('110105001002', unit, c).map((p) => `${p.field}:${p.reason}`);
    expect(reason(undefined)).toEqual(['unitCode:not_active']);
    expect(reason({ ...community, active: false })).toEqual(['unitCode:not_active']);
    expect(reason({ ...community, parentCode: '110105002' })).toEqual(['unitCode:not_sub_unit']);
    expect(reason({ ...community, kind: 'street' })).toEqual(['unitCode:not_sub_unit']);
    expect(reason(community, { ...held, forwardedToUnitCode: '110105001002' })).toEqual(['unitCode:already_forwarded']);
  });
});

describe('adding a co-handler (加派)', () => {
  const unit = { kind: 'department', parentCode: null, active: true };

  it('takes an active unit not yet on the case', () => {
    expect(checkAddedCoHandler('DEPT-HOUSING', unit, held)).toEqual([]);
    const reason = (code: string, u = unit) => checkAddedCoHandler(code, u, held).map((p) => p.reason);
    expect(reason('DEPT-WATER')).toEqual(['duplicate']);
    expect(reason(STREET)).toEqual(['repeats_lead']);
    expect(reason('DEPT-HOUSING', { ...unit, active: false })).toEqual(['not_active']);
  });

  it('only while units work on the case', () => {
    expect(() => assertUnitsWorking('dispatched')).not.toThrow();
    expect(() => assertUnitsWorking('signed')).not.toThrow();
    expect(reasonOf(() => assertUnitsWorking('resolved'))).toBe('case.wrong_state');
    expect(reasonOf(() => assertUnitsWorking('registered'))).toBe('case.wrong_state');
  });
});
