import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CitizenAccessService } from '@hotline/citizen-access';
import { Public } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { UuidParam } from '../http/uuid-param';
import { CitizenSessionDto, CodeSentDto, ConfirmCodeDto, RequestCodeDto } from './dto/citizen-access.dto';

/**
 * Citizens prove their number (docs/api.md, "Citizen access"): a six-digit code by SMS, five minutes,
 * five tries; codes limited per number and per client (request.ip honours TRUST_PROXY).
 */
@ApiTags('citizens')
@Controller('public/verifications')
@Public()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CitizenAccessController {
  constructor(private readonly access: CitizenAccessService) {}

  @Post()
  @ApiOperation({ summary: 'Send a one-time code to a mobile number', security: [] })
  @ApiCreatedResponse({ type: CodeSentDto })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'A code a minute and a few an hour per number, and per client (`verification.too_many`, Retry-After)',
  })
  requestCode(@Body() body: RequestCodeDto, @Req() request: Request): Promise<CodeSentDto> {
    return this.access.requestCode(body.phone, request.ip);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the code: a session token for the citizen’s own demands', security: [] })
  @ApiOkResponse({ type: CitizenSessionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Expired, its five tries spent, or used already: ask for a new code',
  })
  confirm(@UuidParam('id') id: string, @Body() body: ConfirmCodeDto): Promise<CitizenSessionDto> {
    return this.access.confirm(id, body.code);
  }
}
