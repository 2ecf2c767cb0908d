import { publicStage, publicTimeline, showsReply } from './public-progress';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 8, minute));

describe('what a citizen sees of their case', () => {
  it('keeps the steps that concern the citizen, in order, and drops the centre’s internal ones', () => {
    const steps = publicTimeline([
      { type: 'registered', occurredAt: at(0) },
      { type: 'dispatched', occurredAt: at(1) },
      { type: 'sla_warning', occurredAt: at(2) },
      { type: 'supervision_issued', occurredAt: at(3) },
      { type: 'extension_requested', occurredAt: at(4) },
      { type: 'signed', occurredAt: at(5) },
      { type: 'resolved', occurredAt: at(6) },
    ]);
    expect(steps.map((s) => s.step)).toEqual(['registered', 'dispatched', 'signed', 'resolved']);
    expect(steps[3]).toEqual({ step: 'resolved', label: '承办单位已办结', at: at(6) });
  });

  it('names the stage in plain words and shows the reply only once resolved', () => {
    expect(publicStage('signed')).toBe('办理中');
    expect(publicStage('resolved')).toContain('待评价');
    expect(showsReply('signed')).toBe(false);
    expect(showsReply('resolved')).toBe(true);
    expect(showsReply('closed')).toBe(true);
  });
});
