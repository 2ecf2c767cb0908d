import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse, ApiOperation } from '@nestjs/swagger';
import { AuthService } from '@hotline/auth';
import { ErrorResponseDto } from '../http/error-response';
import { Public } from './access.decorators';
import { TokenRequestDto, TokenResponseDto } from './dto/token.dto';

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
  issueToken(@Body() body: TokenRequestDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(body.username, body.password);
  }
}
