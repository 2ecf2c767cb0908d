import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, FieldError } from '@hotline/core';
import { isDatabaseUnavailable } from '@hotline/database';
import { isKafkaUnavailable } from '@hotline/messaging';
import { redactUrl } from '@hotline/observability';
import type { ErrorResponseDto, HttpReason } from './error-response';

/** Exhaustive: a new ErrorCode does not compile until it has a status here (and a worker action). */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  STATE_CONFLICT: HttpStatus.CONFLICT,
  VERSION_CONFLICT: HttpStatus.CONFLICT,
  ALREADY_EXISTS: HttpStatus.CONFLICT,
  DEPENDENCY_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.UNPROCESSABLE_ENTITY,
  REQUEST_IN_PROGRESS: HttpStatus.CONFLICT,
};

/** Framework errors (routing, body parsing, throttling) keep their status and get a stable code and reason. */
const BY_HTTP_STATUS: Record<number, { code: string; reason: HttpReason }> = {
  400: { code: 'BAD_REQUEST', reason: 'http.bad_request' },
  404: { code: 'NOT_FOUND', reason: 'http.route_not_found' },
  405: { code: 'METHOD_NOT_ALLOWED', reason: 'http.method_not_allowed' },
  413: { code: 'PAYLOAD_TOO_LARGE', reason: 'http.payload_too_large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'http.unsupported_media_type' },
  429: { code: 'TOO_MANY_REQUESTS', reason: 'http.too_many_requests' },
};

/**
 * Maps everything thrown while serving a request to the one error shape. Clients never see a
 * stack trace or SQL; an unreachable database or broker is a 503, not a 500.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = {
      ...DomainErrorFilter.toBody(exception),
      requestId: request.id === undefined ? undefined : String(request.id),
    };
    // statusCode is a plain number (any HTTP status), HttpStatus a numeric enum: compare as numbers.
    const unavailable = body.statusCode === (HttpStatus.SERVICE_UNAVAILABLE as number);
    // The URL without its personal query values; `err` goes through the loggers' error serializer, which
    // drops a failed statement's parameters (docs/operations.md, "Logs").
    const url = redactUrl(request.url);
    // A coded refusal (auth.busy under a sign-in flood) is the api protecting itself, not an outage:
    // a line per request would make the flood cost more.
    if (unavailable) {
      if (!(exception instanceof DomainError)) this.logger.warn(`${request.method} ${url}: ${describe(exception)}`);
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, `${request.method} ${url} failed`);
    }
    const retryAfter = exception instanceof DomainError ? exception.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
    else if (unavailable) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  /** The body (and status) the api answers `exception` with; also what a replayed refusal repeats. */
  static toBody(exception: unknown): ErrorResponseDto {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS_BY_CODE[exception.code],
        code: exception.code,
        reason: exception.reason,
        message: exception.message,
        ...(exception.fields.length > 0 ? { errors: [...exception.fields] } : {}),
      };
    }
    if (exception instanceof HttpException)
      return fromHttpException(exception.getStatus(), exception.message, exception);
    if (isClientHttpError(exception)) return fromHttpException(exception.statusCode, exception.message, exception);
    if (isDatabaseUnavailable(exception) || isKafkaUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DEPENDENCY_UNAVAILABLE',
        reason: 'dependency.unavailable',
        message: 'A backing service is unavailable; retry shortly',
      };
    }
    return INTERNAL;
  }
}

const INTERNAL: ErrorResponseDto = {
  statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
  code: 'INTERNAL',
  reason: 'internal.error',
  message: 'Internal error',
};

function fromHttpException(statusCode: number, message: string, exception: object): ErrorResponseDto {
  if (statusCode >= 500) return { ...INTERNAL, statusCode };
  const { code, reason } = BY_HTTP_STATUS[statusCode] ?? BY_HTTP_STATUS[400];
  const fields = bodyParseErrors(statusCode, message, exception);
  if (fields)
    return {
      statusCode,
      code,
      reason: 'http.malformed_json',
      message: 'Request body is not valid JSON',
      errors: fields,
    };
  return { statusCode, code, reason, message };
}

/** Express's JSON parser failures arrive as 400s; name the body as the bad field. */
function bodyParseErrors(statusCode: number, message: string, exception: object): FieldError[] | undefined {
  const type =
    (exception as { type?: string; cause?: { type?: string } }).type ??
    (exception as { cause?: { type?: string } }).cause?.type;
  const malformed = type === 'entity.parse.failed' || /JSON/.test(message);
  return statusCode === 400 && malformed
    ? [{ field: 'body', message: 'is not valid JSON', reason: 'malformed_json' }]
    : undefined;
}

/** body-parser and friends throw http-errors: a 4xx status and a message safe to show (`expose`). */
function isClientHttpError(error: unknown): error is { statusCode: number; message: string } {
  const e = error as { statusCode?: unknown; expose?: unknown };
  return typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 && e.expose === true;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
