import { applyFactEvent, CaseFacts, FactEvent } from './case-facts';
import { metricPosition, outcomeAt } from './five-rates';
import { rollupDelta } from './grouping';
import { fiveRatesReference } from './reference';

const t = (iso: string) => new Date(`${iso}+08:00`);
const ev = (name: string, time: string, data: Record<string, unknown> = {}): FactEvent => ({
  name,
  time: t(time),
  caseId: 'c1',
  caseNumber: '20261125-0000001',
  data,
});
const fold = (events: FactEvent[]) => events.reduce<CaseFacts | null>((f, e) => applyFactEvent(f, e), null)!;

// The worked example of docs/kpi.md: registered 09:00, dispatch due 24 h later, dispatched 10:00,
// response due 24 h after dispatch and made at 15:00, resolved next day, callback due 48 h later.
const story = [
  ev('registered', '2026-11-02T09:00:00', {
    firstCall: true,
    sourceHotline: '12319',
    categoryCode: '010101',
    districtCode: '110105',
    streetCode: '110105001',
    deadlines: { dispatch: t('2026-11-03T09:00:00').toISOString() },
  }),
  ev('dispatched', '2026-11-02T10:00:00', {
    dispatchNo: 1,
    leadUnitCode: '110105001',
    deadlines: { response: t('2026-11-03T10:00:00').toISOString(), resolve: t('2026-11-09T10:00:00').toISOString() },
  }),
  ev('responded', '2026-11-02T15:00:00'),
  ev('resolved', '2026-11-03T16:00:00', { callbackDueAt: t('2026-11-05T16:00:00').toISOString() }),
];

describe('case facts and the five rates', () => {
  it('folds a case’s events into its facts', () => {
    const f = fold(story);
    expect(f).toMatchObject({
      hotline: '12319',
      unitCode: '110105001',
      dispatchCount: 1,
      respondedAt: t('2026-11-02T15:00:00'),
      callbackDueAt: t('2026-11-05T16:00:00'),
    });
  });

  it('dates a result the centre reviewed by its submission, not by the approval', () => {
    const reviewed = fold([
      ...story.slice(0, 3),
      ev('resolved', '2026-11-04T09:00:00', {
        resolvedAt: t('2026-11-03T16:00:00').toISOString(),
        callbackDueAt: t('2026-11-06T09:00:00').toISOString(),
      }),
    ]);
    expect(reviewed.resolvedAt).toEqual(t('2026-11-03T16:00:00'));
    expect(reviewed.callbackDueAt).toEqual(t('2026-11-06T09:00:00'));
  });

  it('places the case in each metric by its deadline, pending until done or due', () => {
    const f = fold(story);
    const now = t('2026-11-04T12:00:00');
    expect(outcomeAt(metricPosition(f, 'onTimeDispatch')!, now)).toBe('hit');
    expect(outcomeAt(metricPosition(f, 'dispatchAccuracy')!, now)).toBe('hit');
    expect(outcomeAt(metricPosition(f, 'timelyResponse')!, now)).toBe('hit');
    expect(outcomeAt(metricPosition(f, 'reasonableCallback')!, now)).toBe('pending');
    expect(outcomeAt(metricPosition(f, 'reasonableCallback')!, t('2026-11-06T00:00:00'))).toBe('miss');
    expect(metricPosition(f, 'trackedSupervision')).toBeNull();
  });

  it('counts a returned first dispatch as inaccurate, pending while the return waits for review', () => {
    const asked = fold([...story.slice(0, 2), ev('return_requested', '2026-11-02T11:00:00', { dispatchNo: 1 })]);
    expect(metricPosition(asked, 'dispatchAccuracy')!.state).toBe('pending');
    const approved = applyFactEvent(
      asked,
      ev('return_reviewed', '2026-11-02T12:00:00', { dispatchNo: 1, approved: true }),
    )!;
    expect(metricPosition(approved, 'dispatchAccuracy')!.state).toBe('miss');
  });

  it('leaves out answered cases from on-time dispatch, and repeat (non-first) calls entirely', () => {
    const answered = fold([story[0], ev('answered', '2026-11-02T09:05:00')]);
    expect(metricPosition(answered, 'onTimeDispatch')).toBeNull();
    const notFirst = fold([{ ...story[0], data: { ...story[0].data, firstCall: false } }, story[1]]);
    expect(metricPosition(notFirst, 'dispatchAccuracy')).toBeNull();
  });

  it('tracks supervision within 24 h of the first trigger', () => {
    const triggered = fold([...story.slice(0, 2), ev('supervision_triggered', '2026-11-03T10:00:00')]);
    expect(outcomeAt(metricPosition(triggered, 'trackedSupervision')!, t('2026-11-03T12:00:00'))).toBe('pending');
    const issued = applyFactEvent(triggered, ev('supervision_issued', '2026-11-03T10:00:05'))!;
    expect(metricPosition(issued, 'trackedSupervision')!.state).toBe('hit');
  });

  it('computes rates with pending out of numerator and denominator', () => {
    const f = fold(story);
    const [row] = fiveRatesReference([f], '2026-11-01', '2026-12-01', 'unit', t('2026-11-04T12:00:00'));
    expect(row).toMatchObject({
      groupKey: '110105001',
      onTimeDispatch: { rate: 1, numerator: 1, denominator: 1, pending: 0 },
      reasonableCallback: { rate: null, numerator: 0, denominator: 0, pending: 1 },
    });
  });

  it('learns the requester kind from the registration, a citizen when an older event names none', () => {
    expect(fold(story).requesterKind).toBe('citizen');
    const enterprise = fold([{ ...story[0], data: { ...story[0].data, requesterKind: 'enterprise' } }, story[1]]);
    expect(enterprise.requesterKind).toBe('enterprise');
    const [row] = fiveRatesReference(
      [enterprise],
      '2026-11-01',
      '2026-12-01',
      'requesterKind',
      t('2026-11-04T12:00:00'),
    );
    expect(row).toMatchObject({ groupKey: 'enterprise', dispatchAccuracy: { numerator: 1, denominator: 1 } });
    expect(rollupDelta(null, enterprise).every((d) => d.requesterKind === 'enterprise')).toBe(true);
  });

  it('changes the rollups by exactly what changed in the facts', () => {
    const before = fold(story.slice(0, 2));
    const after = applyFactEvent(before, story[2])!;
    const delta = rollupDelta(before, after).filter((d) => d.groupKind === 'all');
    expect(delta).toEqual([
      expect.objectContaining({ metric: 'timelyResponse', state: 'open', delta: -1 }),
      expect.objectContaining({ metric: 'timelyResponse', state: 'hit', delta: 1 }),
    ]);
    expect(rollupDelta(after, after)).toEqual([]);
  });
});
