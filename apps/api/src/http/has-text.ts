import { ValidateBy } from 'class-validator';

/** Characters besides blanks, counted as people count them: 停水了 is three (code points, not UTF-16 units). */
export function textLength(value: string): number {
  return [...value.trim()].length;
}

/**
 * A text with at least `min` characters besides blanks (reason `too_short`): Chinese says much in
 * few characters — 停水了 and 没暖气 are whole demands — so a rule made for English words refuses
 * them; blanks alone say nothing.
 */
export function HasText(min: number): PropertyDecorator {
  return ValidateBy({
    name: 'too_short',
    constraints: [min],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || textLength(value) >= min,
      defaultMessage: () => `must have at least ${min} characters besides blanks`,
    },
  });
}
