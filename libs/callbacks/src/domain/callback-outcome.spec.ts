import { decideCallback } from './callback-outcome';

describe('decideCallback', () => {
  it('closes a resolved case when the citizen is solved and satisfied (or basically)', () => {
    for (const satisfaction of ['satisfied', 'basically_satisfied'] as const) {
      expect(decideCallback('resolved', { reached: true, solved: true, satisfaction }, 0)).toEqual({
        next: 'closed',
        closeReason: 'callback',
        supervisionTrigger: false,
        callbackDone: true,
      });
    }
  });

  it('reopens and triggers supervision when unsolved or unsatisfied', () => {
    expect(decideCallback('resolved', { reached: true, solved: false, satisfaction: 'satisfied' }, 0)).toMatchObject({
      next: 'reopened',
      supervisionTrigger: true,
    });
    expect(decideCallback('resolved', { reached: true, solved: true, satisfaction: 'unsatisfied' }, 0)).toMatchObject({
      next: 'reopened',
      supervisionTrigger: true,
    });
  });

  it('closes as unreachable on the third attempt that reaches nobody, not before', () => {
    expect(decideCallback('resolved', { reached: false }, 0)).toMatchObject({ next: null, callbackDone: false });
    expect(decideCallback('resolved', { reached: false }, 1)).toMatchObject({ next: null, callbackDone: false });
    expect(decideCallback('resolved', { reached: false }, 2)).toMatchObject({
      next: 'closed',
      closeReason: 'unreachable',
      callbackDone: true,
    });
  });

  it('records a callback on an overdue unresolved case without changing its state', () => {
    expect(decideCallback('signed', { reached: true, solved: false, satisfaction: 'unsatisfied' }, 0)).toEqual({
      next: null,
      closeReason: null,
      supervisionTrigger: true,
      callbackDone: true,
    });
  });
});
