import {
  assertCanRequestExtension,
  assertCanRespond,
  assertPendingExtension,
  decideSign,
  extendedDeadline,
  isLate,
} from './handling-rules';
import { reasonOf } from '@hotline/core/testing';

const at = (iso: string) => new Date(iso);

describe('handling rules', () => {
  it('signs: the lead moves the case to signed, a co-handler signs its own order once', () => {
    expect(decideSign('dispatched', { role: 'lead', signedAt: null })).toEqual({ as: 'lead', status: 'signed' });
    expect(reasonOf(() => decideSign('signed', { role: 'lead', signedAt: at('2026-11-30T09:00:00Z') }))).toBe(
      'case.already_signed',
    );
    expect(decideSign('signed', { role: 'co', signedAt: null })).toEqual({ as: 'co' });
    expect(reasonOf(() => decideSign('dispatched', { role: 'co', signedAt: at('2026-11-30T09:00:00Z') }))).toBe(
      'order.already_signed',
    );
  });

  it('responds once, while the unit works on the case', () => {
    expect(reasonOf(() => assertCanRespond('dispatched', null))).toBe('allowed');
    expect(reasonOf(() => assertCanRespond('signed', null))).toBe('allowed');
    expect(reasonOf(() => assertCanRespond('signed', at('2026-11-30T09:00:00Z')))).toBe('case.already_responded');
    expect(reasonOf(() => assertCanRespond('resolved', null))).toBe('case.wrong_state');
    expect(reasonOf(() => assertCanRespond('return_requested', null))).toBe('case.wrong_state');
  });

  it('asks for one extension at a time, while working on the case', () => {
    expect(reasonOf(() => assertCanRequestExtension('signed', false))).toBe('allowed');
    expect(reasonOf(() => assertCanRequestExtension('signed', true))).toBe('extension.pending');
    expect(reasonOf(() => assertCanRequestExtension('resolved', false))).toBe('case.wrong_state');
  });

  it('reviews a request once', () => {
    expect(reasonOf(() => assertPendingExtension({ status: 'pending' }))).toBe('allowed');
    expect(reasonOf(() => assertPendingExtension({ status: 'approved' }))).toBe('extension.already_reviewed');
    expect(reasonOf(() => assertPendingExtension({ status: 'rejected' }))).toBe('extension.already_reviewed');
  });

  it('moves the resolve deadline by elapsed hours, across days', () => {
    expect(extendedDeadline(at('2026-11-30T20:00:00+08:00'), 72).toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(extendedDeadline(at('2026-11-30T20:00:00+08:00'), 1).toISOString()).toBe('2026-11-30T13:00:00.000Z');
  });

  it('is late only past a deadline it has', () => {
    const due = at('2026-11-30T12:00:00Z');
    expect(isLate(at('2026-11-30T12:00:01Z'), due)).toBe(true);
    expect(isLate(at('2026-11-30T12:00:00Z'), due)).toBe(false);
    expect(isLate(at('2026-12-30T12:00:00Z'), null)).toBe(false);
  });
});
