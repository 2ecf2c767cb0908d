import type { FieldError } from '@hotline/core';
import type { Channel } from './case-vocabulary';

/**
 * Citizens' phone numbers: mainland mobiles (11 digits starting 1[3-9]) and landlines with area
 * code (0 + 2–3 digits + 7–8 digits), optionally written with +86, spaces or hyphens; and numbers
 * abroad in international form (+ or 00, a country code other than 86, up to 15 digits in all, as
 * ITU-T E.164 allows), kept as `+` and digits — visitors and overseas Chinese call 12345 too.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;
const INTERNATIONAL = /^\+(?!86)[1-9]\d{6,14}$/;

/** Mainland numbers as digits without the country code, others as `+` and digits; undefined when not a number. */
export function normalizePhone(raw: string): string | undefined {
  const written = raw.replace(/[\s\-()]/g, '').replace(/^00(?=[1-9])/, '+');
  const digits = written.replace(/^(\+?86)(?=1[3-9]\d{9}$|0\d{9,11}$)/, '');
  return MOBILE.test(digits) || LANDLINE.test(digits) || INTERNATIONAL.test(digits) ? digits : undefined;
}

/** `13812345678` → `138****5678`: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** A call always comes from a number; a letter, a web form or a walk-in may come without one. */
const CHANNELS_WITH_A_NUMBER: readonly Channel[] = ['phone'];

/**
 * The caller's number a demand is registered with: normalised, or null when the channel may come
 * without one and none was given; a bad number or a call without one is the field's problem.
 */
export function callerPhoneOf(channel: Channel, raw: string | undefined): { phone: string | null } | FieldError {
  if (raw === undefined || raw.trim() === '') {
    if (!CHANNELS_WITH_A_NUMBER.includes(channel)) return { phone: null };
    return { field: 'callerPhone', message: 'is required for a demand made by phone', reason: 'required' };
  }
  const phone = normalizePhone(raw);
  if (phone) return { phone };
  return { field: 'callerPhone', message: PHONE_RULE, reason: 'not_a_phone' };
}

/** What a caller's number must be, for every message that refuses one. */
export const PHONE_RULE = 'must be a mainland mobile, a landline with its area code, or + country code and number';
