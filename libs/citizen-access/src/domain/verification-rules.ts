import type { ErrorReason } from '@hotline/core';

/**
 * Proving a phone number (docs/api.md, "Citizen access"): the centre texts a six-digit code, good for
 * five minutes and five tries; the right code gives a session for the citizen's own demands. Codes
 * per number and per client are limited (AppConfig CITIZEN_CODE*). Rules as data.
 */
export const CODE_DIGITS = 6;
export const CODE_TTL_MINUTES = 5;
export const MAX_TRIES = 5;
export const SESSION_TTL_MINUTES = 30;

/** A code from `randomInt` (crypto's, in the service): every digit string equally likely, leading zeros kept. */
export function formatCode(value: number): string {
  return String(value).padStart(CODE_DIGITS, '0');
}

export const CODE_SPACE = 10 ** CODE_DIGITS;

export interface VerificationState {
  expiresAt: Date;
  tries: number;
  confirmedAt: Date | null;
}

export type Confirmation =
  | { outcome: 'confirmed' }
  | { outcome: 'wrong_code'; triesLeft: number }
  | { outcome: 'refused'; reason: Extract<ErrorReason, `verification.${string}`> };

/**
 * What a try does: a used, exhausted or expired code is refused whatever was typed (so nothing
 * tells a guesser whether the guess was right); otherwise the code decides, and a wrong one costs a try.
 */
export function decideConfirmation(state: VerificationState, matches: boolean, now: Date): Confirmation {
  if (state.confirmedAt !== null) return { outcome: 'refused', reason: 'verification.already_used' };
  if (state.tries >= MAX_TRIES) return { outcome: 'refused', reason: 'verification.exhausted' };
  if (now.getTime() > state.expiresAt.getTime()) return { outcome: 'refused', reason: 'verification.expired' };
  if (matches) return { outcome: 'confirmed' };
  return { outcome: 'wrong_code', triesLeft: MAX_TRIES - state.tries - 1 };
}
