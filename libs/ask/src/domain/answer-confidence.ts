/**
 * How sure the after-hours desk is of what search found (docs/product.md, "After-hours answers").
 * Search scores are relative (a rank, not a probability), so confidence is the score mapped onto
 * 0–1 by a saturation point measured on the held-out questions (bench/knowledge), and the desk says
 * it is confident only when its first answer is both strong and clearly ahead of the second: a
 * caller told "this is your answer" about a coin toss loses the night.
 */
export interface ConfidenceRule {
  /** A score at or above this is confidence 1. */
  saturatesAt: number;
  /** The first answer's confidence needed to be confident. */
  confidentFrom: number;
  /** How far the first must lead the second (in confidence) to be confident. */
  leadOver: number;
}

export const ASK_CONFIDENCE: ConfidenceRule = { saturatesAt: 0.6, confidentFrom: 0.5, leadOver: 0.1 };

export function confidenceOf(score: number, rule: ConfidenceRule = ASK_CONFIDENCE): number {
  if (!(score > 0)) return 0;
  return Math.round(Math.min(1, score / rule.saturatesAt) * 100) / 100;
}

export function isConfident(confidences: readonly number[], rule: ConfidenceRule = ASK_CONFIDENCE): boolean {
  const [first = 0, second = 0] = confidences;
  return first >= rule.confidentFrom && (first >= 1 || first - second >= rule.leadOver);
}
