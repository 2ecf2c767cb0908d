import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CitizenAccessService, type CitizenSession } from '@hotline/citizen-access';

export const CITIZEN_TOKEN_HEADER = 'X-Citizen-Token';

export type CitizenRequest = { citizen?: CitizenSession };

/**
 * The citizens' routes (docs/api.md, "Citizen access"): a session from a proven number in
 * X-Citizen-Token, or 401. Staff bearer tokens mean nothing here, and a citizen's token nothing elsewhere.
 */
@Injectable()
export class CitizenGuard implements CanActivate {
  constructor(private readonly access: CitizenAccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & CitizenRequest>();
    request.citizen = await this.access.session(request.header(CITIZEN_TOKEN_HEADER));
    return true;
  }
}

/** The session of the citizen calling (set by CitizenGuard). */
export const CurrentCitizen = createParamDecorator(
  (_: unknown, context: ExecutionContext): CitizenSession =>
    context.switchToHttp().getRequest<Request & CitizenRequest>().citizen!,
);
