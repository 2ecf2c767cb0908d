import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService, Role } from '@hotline/auth';
import { DomainError } from '@hotline/core';
import { ALLOWED_ROLES, AuthenticatedRequest, PUBLIC_ROUTE } from './access.decorators';

/**
 * The api's one gate, applied to every route: deny by default. A route is open only with
 * @Public; otherwise it needs a valid bearer token of a user who may still act (not disabled, not
 * changed since) and the caller's role in its @Roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new DomainError('auth.token_missing', 'A bearer token is required');
    }
    const principal = await this.auth.authenticate(token);
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles?.includes(principal.role)) {
      throw new DomainError('auth.role_forbidden', `Role ${principal.role} may not do this`);
    }
    return true;
  }
}
