import type { ErrorCode } from './error-codes';

/**
 * Every reason the system refuses a request or a message, with the code it belongs to. The reason
 * travels in the api's error body (`reason`) and in a dead letter's `dlq-reason-code` header, so
 * an agent's desktop or a unit's own system can tell "already signed" from "not your case".
 * Listed in docs/errors.md; a reason, once published, keeps its meaning.
 */
export const ERROR_REASONS = {
  'input.invalid': 'VALIDATION_FAILED',

  'auth.token_missing': 'UNAUTHENTICATED',
  'auth.token_invalid': 'UNAUTHENTICATED',
  'auth.bad_credentials': 'UNAUTHENTICATED',
  'auth.role_forbidden': 'FORBIDDEN',
  /** The user was disabled, or their role, unit or password changed after the token was issued. */
  'auth.token_revoked': 'UNAUTHENTICATED',
  'auth.too_many_attempts': 'TOO_MANY_REQUESTS',
  /** Too many sign-ins waiting for a password check in this process; retry in a few seconds. */
  'auth.busy': 'DEPENDENCY_UNAVAILABLE',
  'auth.wrong_password': 'VALIDATION_FAILED',

  /** The after-hours desk: too many questions or demands from one client within the hour. */
  'ask.too_many': 'TOO_MANY_REQUESTS',
  'ask.not_found': 'NOT_FOUND',
  /** A demand was already left for this question (one per question). */
  'ask.demand_already_left': 'STATE_CONFLICT',

  'case.not_found': 'NOT_FOUND',
  'call.not_found': 'NOT_FOUND',
  'transfer.not_found': 'NOT_FOUND',
  'return.not_found': 'NOT_FOUND',
  'extension.not_found': 'NOT_FOUND',
  'supervision.not_found': 'NOT_FOUND',

  'case.finished': 'STATE_CONFLICT',
  'case.wrong_state': 'STATE_CONFLICT',
  'case.already_dispatched': 'STATE_CONFLICT',
  'case.already_signed': 'STATE_CONFLICT',
  'case.not_signed': 'STATE_CONFLICT',
  'case.already_responded': 'STATE_CONFLICT',
  'case.already_resolved': 'STATE_CONFLICT',
  /** The lead's result waits for the centre's review (审核): nothing more to do on it until then. */
  'result.under_review': 'STATE_CONFLICT',
  'case.not_answerable': 'STATE_CONFLICT',
  'case.already_unreasonable': 'STATE_CONFLICT',
  'case.changed_concurrently': 'VERSION_CONFLICT',
  'call.not_registered': 'STATE_CONFLICT',
  /** Calling back a call that was not abandoned (漏接回拨 is for abandoned calls only). */
  'call.not_abandoned': 'STATE_CONFLICT',
  'call.already_called_back': 'STATE_CONFLICT',
  /** Another agent claimed this abandoned call within the last 10 minutes. */
  'call.claimed_by_other': 'STATE_CONFLICT',
  'submission.not_found': 'NOT_FOUND',
  /** Another agent accepted or answered the online submission first. */
  'submission.already_decided': 'STATE_CONFLICT',
  /** An Open311 request names no client key, or one that is unknown or revoked. */
  'open311.bad_api_key': 'UNAUTHENTICATED',
  'open311.client_not_found': 'NOT_FOUND',
  'attachment.not_found': 'NOT_FOUND',
  /** A submission that takes no more files (decided, or at its limit). */
  'attachment.submission_closed': 'STATE_CONFLICT',

  /** Citizen access (one-time codes): too many codes for a number or from a client; Retry-After. */
  'verification.too_many': 'TOO_MANY_REQUESTS',
  'verification.not_found': 'NOT_FOUND',
  'verification.expired': 'STATE_CONFLICT',
  /** The five tries are spent: ask for a new code. */
  'verification.exhausted': 'STATE_CONFLICT',
  'verification.already_used': 'STATE_CONFLICT',
  'citizen.token_missing': 'UNAUTHENTICATED',
  'citizen.token_invalid': 'UNAUTHENTICATED',
  /** A delivery report for a message the centre never sent. */
  'notification.not_found': 'NOT_FOUND',
  /** An Open311 request or service that does not exist (the standard's 404). */
  'open311.not_found': 'NOT_FOUND',

  'order.none_active': 'FORBIDDEN',
  'order.lead_only': 'FORBIDDEN',
  'order.co_only': 'FORBIDDEN',
  'order.already_signed': 'STATE_CONFLICT',
  'inbox.other_unit': 'FORBIDDEN',

  'return.pending': 'STATE_CONFLICT',
  'return.already_reviewed': 'STATE_CONFLICT',
  'extension.pending': 'STATE_CONFLICT',
  'extension.already_reviewed': 'STATE_CONFLICT',
  'callback.not_due': 'STATE_CONFLICT',
  /** Another agent claimed the case's callback within the last 10 minutes. */
  'callback.claimed_by_other': 'STATE_CONFLICT',

  'supervision.other_unit': 'FORBIDDEN',
  'supervision.not_open': 'STATE_CONFLICT',
  'supervision.already_closed': 'STATE_CONFLICT',

  'user.exists': 'ALREADY_EXISTS',
  'user.not_found': 'NOT_FOUND',
  /** The change would leave no active admin. */
  'user.last_admin': 'STATE_CONFLICT',
  /** Role, unit and password of a single sign-on user belong to the identity provider. */
  'user.managed_by_sso': 'STATE_CONFLICT',
  'dispatch_rule.exists': 'ALREADY_EXISTS',
  /** A hotline, unit, category or dispatch rule that an upkeep change names and that does not exist. */
  'reference.not_found': 'NOT_FOUND',
  'reference.change_not_found': 'NOT_FOUND',
  /** Cancelling a change that is no longer scheduled (applied, failed or cancelled already). */
  'reference.change_not_scheduled': 'STATE_CONFLICT',

  'knowledge.not_found': 'NOT_FOUND',
  'knowledge.version_not_found': 'NOT_FOUND',
  /** A handler writing an entry another unit owns (or giving an entry to another unit). */
  'knowledge.other_unit': 'FORBIDDEN',
  /** `includeUnpublished` by a user who edits no entry (agents). */
  'knowledge.editors_only': 'FORBIDDEN',
  'knowledge.retired': 'STATE_CONFLICT',
  'knowledge.already_retired': 'STATE_CONFLICT',
  'knowledge.already_published': 'STATE_CONFLICT',
  'knowledge.flag_not_found': 'NOT_FOUND',
  /** Resolving a flag that is resolved already. */
  'knowledge.flag_resolved': 'STATE_CONFLICT',
  /** An answer citing an entry that is not published and in effect today. */
  'knowledge.not_citable': 'STATE_CONFLICT',
  'knowledge.ref_exists': 'ALREADY_EXISTS',

  'message.malformed': 'VALIDATION_FAILED',
  'message.unknown_type': 'VALIDATION_FAILED',
  /** A reply on a unit's own channel that names another unit. */
  'reply.wrong_sender': 'FORBIDDEN',

  /** An Idempotency-Key sent again with another request (docs/api.md, "Safe retries"). */
  'idempotency.key_reused': 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still running; retry after Retry-After. */
  'idempotency.in_progress': 'REQUEST_IN_PROGRESS',

  'dependency.unavailable': 'DEPENDENCY_UNAVAILABLE',
} as const satisfies Record<string, ErrorCode>;

export type ErrorReason = keyof typeof ERROR_REASONS;

export const ERROR_REASON_NAMES = Object.keys(ERROR_REASONS) as ErrorReason[];
