import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, MAX_IDEMPOTENCY_KEY_LENGTH } from '@hotline/idempotency';
import { ErrorResponseDto } from './error-response';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A write a client may retry safely with an Idempotency-Key (docs/api.md, "Safe retries"): every
 * POST under /cases, /calls and /supervisions. The check in test/intake/safe-retries.e2e-spec.ts
 * fails for such a route without it.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH, pattern: '^[\\x20-\\x7e]+$' },
      description:
        'Makes a retry safe (IETF httpapi Idempotency-Key draft), per user, for IDEMPOTENCY_RETENTION_HOURS (24 h): ' +
        'the same request again gets the first answer — same status and body — with `Idempotent-Replayed: true`, and ' +
        'does nothing twice; a retry while the first still runs waits for it (then 409 `idempotency.in_progress` with ' +
        'Retry-After). Server errors (5xx) are not kept: the retry runs again. Printable ASCII, 1–255 characters.',
    }),
    ApiUnprocessableEntityResponse({
      type: ErrorResponseDto,
      description: 'The Idempotency-Key was used for another request (`idempotency.key_reused`)',
    }),
  );
