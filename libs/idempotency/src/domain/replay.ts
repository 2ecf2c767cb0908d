import { DomainError } from '@hotline/core';

/** An answer as it was sent: what a retry under the same key gets back. */
export interface RecordedAnswer {
  status: number;
  body: unknown;
}

/** What is kept of the first request under a key. */
export interface RecordedRequest {
  fingerprint: string;
  method: string;
  path: string;
  answer: RecordedAnswer;
}

/**
 * Only answers that the same request would get again are kept: a server error (5xx) is not, so the
 * retry runs again (the first attempt's work was rolled back with it).
 */
export function isRecordable(status: number): boolean {
  return status < 500;
}

/** The first answer, when the retry is the same request; a 422 when the key was used for another. */
export function replayOf(recorded: RecordedRequest, fingerprint: string): RecordedAnswer {
  if (recorded.fingerprint !== fingerprint) {
    throw new DomainError(
      'idempotency.key_reused',
      `This Idempotency-Key was used for another request (first: ${recorded.method} ${recorded.path}); a new request needs a new key`,
    );
  }
  return recorded.answer;
}
