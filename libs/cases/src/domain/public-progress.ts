import type { CaseStatus } from './case-vocabulary';

/**
 * What a citizen sees of their case (docs/api.md, "Progress lookup"): its stage in plain words and a
 * timeline of the steps that concern them — never who in the centre or the unit acted, never internal
 * notes, extensions' reasons or supervision. Rules as data: an event not listed here is not shown.
 */
export const PUBLIC_STEPS = {
  registered: '已受理',
  answered: '已当场答复',
  transferred: '已转至专业服务热线',
  dispatched: '已派至承办单位',
  signed: '承办单位已签收',
  responded: '承办单位已联系您',
  resolved: '承办单位已办结',
  callback_recorded: '已回访',
  reopened: '重新办理',
  closed: '已结案',
} as const;
export type PublicStepName = keyof typeof PUBLIC_STEPS;

const STAGES: Record<CaseStatus, string> = {
  registered: '已受理',
  answered: '已答复',
  transferred: '已转接',
  dispatched: '办理中',
  return_requested: '办理中',
  signed: '办理中',
  // The centre checks the unit's result before the citizen hears of it.
  reviewing: '办理中',
  resolved: '已办结，待评价',
  reopened: '重新办理中',
  closed: '已结案',
};

export interface PublicStep {
  step: PublicStepName;
  label: string;
  at: Date;
}

export function publicStage(status: CaseStatus): string {
  return STAGES[status];
}

/** The citizen's timeline from the case's events, in order; repeated steps (a second dispatch) kept. */
export function publicTimeline(events: readonly { type: string; occurredAt: Date }[]): PublicStep[] {
  return events.flatMap((e) => {
    if (!Object.hasOwn(PUBLIC_STEPS, e.type)) return [];
    const step = e.type as PublicStepName;
    return [{ step, label: PUBLIC_STEPS[step], at: e.occurredAt }];
  });
}

/** The unit's reply is the citizen's to read once the case is resolved (and after, when it closed on it). */
export function showsReply(status: CaseStatus): boolean {
  return status === 'resolved' || status === 'closed' || status === 'reopened';
}
