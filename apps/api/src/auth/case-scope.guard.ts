import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CaseQueriesService } from '@hotline/cases';
import type { AuthenticatedRequest } from './access.decorators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The api's half of unit scoping (docs/product.md, "Privacy and access"), after the access guard
 * and before validation: on every route under /cases/{id}, a handler whose unit is not and never
 * was assigned to the case gets 404 — the same answer as for an unknown id, whatever the route or
 * body. The case-command kernel and the queries apply the same rule (for lists and for units'
 * systems over Kafka).
 */
@Injectable()
export class CaseScopeGuard implements CanActivate {
  constructor(private readonly cases: CaseQueriesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const route = (request.route as { path?: string } | undefined)?.path ?? '';
    const id = request.params?.id;
    if (!request.principal || !/\/cases\/:id(\/|$)/.test(route) || typeof id !== 'string' || !UUID.test(id))
      return true;
    await this.cases.assertVisible(id, request.principal);
    return true;
  }
}
