/**
 * What a log line may not carry (docs/operations.md, "Logs"): citizens' phone numbers and names, the
 * values of a failed SQL statement. Pure functions, used by the pino configuration of both apps.
 */
/** pino's own word for a redacted header, for every other value kept out of a line too. */
export const REDACTED = '[Redacted]';

/** Query parameters naming a person, whatever their value (compared lower-case, without `_` or `-`). */
const PERSONAL_PARAMETERS = new Set(['callerphone', 'callername', 'callernumber', 'phone', 'name', 'mobile']);

/**
 * A mainland mobile (1[3-9] + 9 digits, perhaps in groups: `139 1234 5678`) or a landline (0 + area code +
 * 7–8 digits), optionally with +86, not inside a longer word or number — a UUID's digit groups and 13-digit
 * timestamps stay as they are.
 */
const PHONE_NUMBER = /(?<![\w-])(?:\+?86[\s-]?)?(?:1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8})(?!\w)/g;

export function containsPhoneNumber(text: string): boolean {
  return new RegExp(PHONE_NUMBER.source).test(text);
}

/** Every phone number in free text (a message, a whole JSON log line) replaced. */
export function redactPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, REDACTED);
}

/** `/api/v1/cases?callerPhone=13912345678&status=signed` → `/api/v1/cases?callerPhone=[Redacted]&status=signed`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redactPhoneNumbers(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const key = pair.slice(0, eq);
      return isPersonal(decoded(key), decoded(pair.slice(eq + 1))) ? `${key}=${REDACTED}` : pair;
    });
  return `${redactPhoneNumbers(url.slice(0, at))}?${query.join('&')}`;
}

/** A parsed query (`req.query`) with the same values redacted as in its URL. */
export function redactQuery(query: unknown): unknown {
  if (query === null || typeof query !== 'object') return query;
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, isPersonal(key, JSON.stringify(value)) ? REDACTED : value]),
  );
}

/**
 * An error as a log line may show it: its kind, message, stack and PostgreSQL's code and constraint —
 * never a failed statement's `query` and `parameters`, nor the `detail` (`Key (caller_phone)=(…)`) and
 * `where` the driver copies onto it (TypeORM's QueryFailedError has all four).
 */
export function loggableError(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return error;
  const e = error as Record<string, unknown>;
  const kept = ['type', 'message', 'stack', 'code', 'constraint', 'table', 'column', 'status'] as const;
  return Object.fromEntries(kept.filter((key) => e[key] !== undefined).map((key) => [key, e[key]]));
}

function isPersonal(key: string, value: string): boolean {
  return PERSONAL_PARAMETERS.has(key.toLowerCase().replace(/[_-]/g, '')) || containsPhoneNumber(value);
}

/** A query component as the server reads it (`+` is a space); left as it is when it is not valid percent-encoding. */
function decoded(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, ' '));
  } catch {
    return component;
  }
}
