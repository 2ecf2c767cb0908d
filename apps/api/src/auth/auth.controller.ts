import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiOperation,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AuthService } from '@hotline/auth';
import { ErrorResponseDto } from '../http/error-response';
import { Public } from './access.decorators';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @Public()
  @UseGuards(SignInThrottlerGuard)
  @ApiOperation({ summary: 'Sign in: exchange username and password for a bearer token', security: [] })
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown user or wrong password' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many attempts for this username' })
  issueToken(@Body() body: TokenRequestDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(body.username, body.password);
  }
}
