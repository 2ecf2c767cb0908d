import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { CitizenGuard } from './citizen.guard';

/** A route for a citizen with a proven number (X-Citizen-Token), not for staff. */
export const CitizenRoutes = () =>
  applyDecorators(
    Public(),
    UseGuards(CitizenGuard),
    ApiSecurity('citizen'),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No citizen session, or an expired one' }),
  );
