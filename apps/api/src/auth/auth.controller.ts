import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiOperation,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService, type Principal } from '@hotline/auth';
import { ErrorResponseDto } from '../http/error-response';
import { ALL_ROLES, CurrentPrincipal, Public, Roles } from './access.decorators';
import { ChangePasswordDto, TokenRequestDto, TokenResponseDto } from './dto/token.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @Public()
  @ApiOperation({ summary: 'Sign in: exchange username and password for a bearer token', security: [] })
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown user or wrong password' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'Too many failed sign-ins for this username or from this address (Retry-After)',
  })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Too many sign-ins at once (Retry-After)' })
  issueToken(@Body() body: TokenRequestDto, @Req() request: Request): Promise<TokenResponseDto> {
    // request.ip honours TRUST_PROXY (docs/operations.md, "Behind a proxy").
    return this.auth.issueToken(body.username, body.password, request.ip);
  }

  @Post('password')
  @Roles(...ALL_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'Change your own password: your other sign-ins end; the answer is a new token' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Wrong current password, or a weak new one' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A single sign-on user (the provider keeps it)' })
  changePassword(@Body() body: ChangePasswordDto, @CurrentPrincipal() me: Principal): Promise<TokenResponseDto> {
    return this.auth.changeOwnPassword(me, body.currentPassword, body.newPassword);
  }
}
