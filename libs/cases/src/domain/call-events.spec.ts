import { applyCallEvent, CallEventKind, callStatus, CallTimeline, takenByAgent } from './call-events';

const empty: CallTimeline = {
  offeredAt: null,
  answeredAt: null,
  endedAt: null,
  abandonedAt: null,
  transferredAt: null,
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 2, minute));
const fold = (events: [CallEventKind, number][]) =>
  events.reduce((t, [kind, m]) => applyCallEvent(t, kind, at(m)), empty);

describe('call events', () => {
  it('follows a normal call', () => {
    const t = fold([
      ['offered', 0],
      ['answered', 1],
      ['ended', 5],
    ]);
    expect(callStatus(t)).toBe('ended');
    expect(t).toMatchObject({ offeredAt: at(0), answeredAt: at(1), endedAt: at(5) });
  });

  it('gives the same result whatever order the events arrive in', () => {
    const events: [CallEventKind, number][] = [
      ['offered', 0],
      ['answered', 1],
      ['ended', 5],
    ];
    const reversed = fold([...events].reverse());
    expect(reversed).toEqual(fold(events));
  });

  it('never lets a late event re-finish a finished call', () => {
    const abandoned = fold([
      ['offered', 0],
      ['abandoned', 1],
    ]);
    const late = applyCallEvent(abandoned, 'ended', at(9));
    expect(late).toBe(abandoned);
    expect(callStatus(late)).toBe('abandoned');
    const lateAnswered = applyCallEvent(abandoned, 'answered', at(2));
    expect(callStatus(lateAnswered)).toBe('abandoned');
  });

  it('keeps the first report of each moment (redelivery changes nothing)', () => {
    const t = fold([
      ['answered', 1],
      ['answered', 3],
    ]);
    expect(t.answeredAt).toEqual(at(1));
  });

  it('records an overflowed call as offered', () => {
    expect(callStatus(fold([['overflowed', 0]]))).toBe('offered');
  });
});

describe('takenByAgent', () => {
  it('stamps the offer and the answer on a call telephony has not reported', () => {
    const t = takenByAgent(empty, at(0), at(1));
    expect(t).toMatchObject({ offeredAt: at(0), answeredAt: at(1) });
    expect(callStatus(t)).toBe('answered');
  });

  it('keeps what telephony reported first, and a call that has ended stays ended', () => {
    const reported = fold([
      ['offered', 0],
      ['answered', 1],
      ['ended', 5],
    ]);
    const t = takenByAgent(reported, at(2), at(3));
    expect(t).toEqual(reported);
    expect(callStatus(t)).toBe('ended');
  });

  it('adds the answer to a call telephony reported only as offered', () => {
    const t = takenByAgent(fold([['offered', 0]]), at(1), at(2));
    expect(t).toMatchObject({ offeredAt: at(0), answeredAt: at(2) });
  });
});
