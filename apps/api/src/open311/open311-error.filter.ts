import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { renderOpen311 } from '@hotline/open311';
import { redactUrl } from '@hotline/observability';
import { DomainErrorFilter } from '../http/domain-error.filter';

/**
 * Open311 clients read errors in the standard's shape — `[{code, description}]`, or `<errors>` for
 * `.xml` — not the api's own: the same status and messages as DomainErrorFilter gives, re-shaped.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = DomainErrorFilter.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error({ err: exception }, `${request.method} ${redactUrl(request.url)} failed`);
    const errors = body.errors?.length
      ? body.errors.map((e) => ({ code: body.statusCode, description: e.message }))
      : [{ code: body.statusCode, description: body.message }];
    const rendered = renderOpen311(request.path.endsWith('.xml') ? 'xml' : 'json', { kind: 'errors', errors });
    response.status(body.statusCode).type(rendered.contentType).send(rendered.body);
  }
}
