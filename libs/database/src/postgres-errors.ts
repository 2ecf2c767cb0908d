/**
 * Classifies errors from the pg driver so callers can tell "the client sent something the
 * database refused" from "the database is not there".
 */
interface PgError {
  code?: string;
  constraint?: string;
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
// 08xxx connection exceptions, 57P01-03 admin shutdown / crash shutdown / cannot connect now.
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/;

function pgError(error: unknown): PgError {
  const candidate = (error as { driverError?: unknown })?.driverError ?? error;
  return candidate ?? {};
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e.code === '23503' && (constraint === undefined || e.constraint === constraint);
}

/** 55P03 lock_not_available: a wait for a lock ran past `lock_timeout`. */
export function isLockTimeout(error: unknown): boolean {
  return pgError(error).code === '55P03';
}

/** True when the database cannot be reached or is shutting down: retry later, answer 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = pgError(error);
  const message = error instanceof Error ? error.message : '';
  return (
    (e.code !== undefined && (CONNECTION_ERROR_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(message) ||
    // A local PostgreSQL that is down has no socket file: connecting through it finds nothing there.
    (e.code === 'ENOENT' && /\.s\.PGSQL\.\d+/.test(message))
  );
}
