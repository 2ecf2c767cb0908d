import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { CaseViewsService } from '@hotline/cases';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyService,
  readIdempotencyKey,
} from '@hotline/idempotency';
import type { AuthenticatedRequest } from '../auth/access.decorators';
import type { CitizenRequest } from '../public/citizen.guard';
import { DomainErrorFilter } from './domain-error.filter';

type KeyedRequest = Request & AuthenticatedRequest & CitizenRequest & { id?: string | number };

/**
 * The HTTP side of safe retries (docs/api.md, "Safe retries"): reads the Idempotency-Key, hands
 * the request to IdempotencyService with the handler as its work, and sends a replayed answer with
 * its first status and `Idempotent-Replayed: true` (a caller it shows audited as a read). Runs after the guards (the principal is known,
 * a route the caller may not use never reaches it) and around the validation pipe, so a refused
 * body is kept as the answer too. Without the header the request passes untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly caseViews: CaseViewsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = readIdempotencyKey(request.headersDistinct[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    if (key === null) return next.handle();
    const keyed = {
      // Keys are per staff user, or per citizen session on the citizens' own routes.
      principalId: request.principal?.userId ?? request.citizen!.sessionId,
      key,
      method: request.method,
      path: request.path,
      body: fingerprintBody(request),
    };
    const work = async () => {
      const body: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      return { status: response.statusCode, body };
    };
    const refusal = (error: unknown) => {
      const body = {
        ...DomainErrorFilter.toBody(error),
        requestId: request.id === undefined ? undefined : String(request.id),
      };
      return { status: body.statusCode, body };
    };
    const answered = async () => {
      const { answer, replayed } = await this.idempotency.execute(keyed, work, refusal);
      if (replayed) {
        // The replay shows what the first answer showed: a caller shown again is read again.
        if (request.principal) await this.caseViews.recordReplayed(answer.body, request.principal);
        response.status(answer.status);
        response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
      }
      return answer.body;
    };
    return from(answered());
  }
}

/**
 * What a retry must repeat: the JSON body, and for an upload (multipart, parsed before this runs)
 * its fields and the SHA-256 of its file — another file under the same key is another request.
 */
function fingerprintBody(request: KeyedRequest & { file?: { buffer: Buffer } }): unknown {
  if (!request.file) return request.body as unknown;
  return { ...(request.body as object), file: createHash('sha256').update(request.file.buffer).digest('hex') };
}
