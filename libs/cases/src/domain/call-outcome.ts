/**
 * What a call ended in when it is not the centre's to handle (docs/product.md, "Calls that go
 * elsewhere"; 国办函〔2025〕66号): a risk to life, a fire, a crime or a road accident is handed at once
 * to the emergency line that owns it, and a demand that belongs to a court, an arbitration body, the
 * 信访 system or a disciplinary body is told its route. Rules as data: each outcome, its targets.
 */
export const CALL_OUTCOMES = {
  /** 紧急转办: the caller is put through to the emergency line, now. */
  emergency_handoff: {
    '110': '公安报警 (police)',
    '119': '消防 (fire and rescue)',
    '120': '医疗急救 (ambulance)',
    '122': '交通事故 (road accidents)',
  },
  /** 告知渠道: the demand is not for 12345; the caller is told where it goes. */
  referred_elsewhere: {
    court: '人民法院 (courts: lawsuits, enforcement of judgments)',
    arbitration: '仲裁机构 (labour and commercial arbitration)',
    petition: '信访部门 (letters and visits)',
    discipline: '纪检监察机关 (discipline inspection and supervision)',
  },
} as const;

export type CallOutcomeKind = keyof typeof CALL_OUTCOMES;
export const CALL_OUTCOME_KINDS = Object.keys(CALL_OUTCOMES) as CallOutcomeKind[];

/** Every target of every outcome: 110 … 122, court … discipline. */
export const CALL_OUTCOME_TARGETS = CALL_OUTCOME_KINDS.flatMap((kind) => Object.keys(CALL_OUTCOMES[kind]));

/** Whether `target` is one of `kind`'s: an emergency goes to an emergency line, a referral to a route. */
export function isTargetOf(kind: CallOutcomeKind, target: string): boolean {
  return Object.hasOwn(CALL_OUTCOMES[kind], target);
}
