import type { CaseStatus, Satisfaction } from '@hotline/cases/domain';

export const MAX_UNREACHED_CALLBACKS = 3;

/** How the citizen's answer came: an agent's call, or their own rating on the web or app (counted alike). */
export const CALLBACK_CHANNELS = ['phone', 'web'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

export interface CallbackInput {
  reached: boolean;
  solved?: boolean;
  satisfaction?: Satisfaction;
}

export interface CallbackDecision {
  /** The case's next state, or null to leave it as it is. */
  next: 'closed' | 'reopened' | null;
  closeReason: 'callback' | 'unreachable' | null;
  /** Unsolved or unsatisfied: a supervision trigger (docs/kpi.md). */
  supervisionTrigger: boolean;
  /** The callback clock stops: the citizen was reached, or the attempts are exhausted. */
  callbackDone: boolean;
}

/**
 * 回访 (docs/product.md, "Lifecycle"): on a resolved case, a reached citizen who is solved and not unsatisfied closes it;
 * unsolved or unsatisfied reopens it for re-dispatch and triggers supervision; the third attempt
 * that reaches nobody closes it as unreachable. On a case called back because its resolve deadline
 * passed unresolved, the answer is recorded (and may trigger supervision) but the state stays.
 */
export function decideCallback(status: CaseStatus, input: CallbackInput, unreachedBefore: number): CallbackDecision {
  const resolved = status === 'resolved';
  if (!input.reached) {
    const exhausted = unreachedBefore + 1 >= MAX_UNREACHED_CALLBACKS;
    return {
      next: exhausted && resolved ? 'closed' : null,
      closeReason: exhausted && resolved ? 'unreachable' : null,
      supervisionTrigger: false,
      callbackDone: exhausted,
    };
  }
  const unhappy = input.solved === false || input.satisfaction === 'unsatisfied';
  return {
    next: resolved ? (unhappy ? 'reopened' : 'closed') : null,
    closeReason: resolved && !unhappy ? 'callback' : null,
    supervisionTrigger: unhappy,
    callbackDone: true,
  };
}
