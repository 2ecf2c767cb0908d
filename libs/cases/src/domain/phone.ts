/**
 * Citizens' phone numbers: mainland mobiles (11 digits starting 1[3-9]) and landlines with area
 * code (0 + 2–3 digits + 7–8 digits), optionally written with +86, spaces or hyphens.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;

/** Digits only, without the country code; undefined when it is not a valid number. */
export function normalizePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1[3-9]\d{9}$|0\d{9,11}$)/, '');
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : undefined;
}

/** `13812345678` → `138****5678`: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
