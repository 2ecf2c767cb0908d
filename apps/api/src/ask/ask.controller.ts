import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AskService } from '@hotline/ask';
import { Public, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { UuidParam } from '../http/uuid-param';
import {
  AskDto,
  DeskReplyDto,
  FeedbackDto,
  LeaveDemandDto,
  LeftDemandDto,
  PublicQuestionPageDto,
  PublicQuestionQueryDto,
} from './dto/ask.dto';

const TOO_MANY = {
  type: ErrorResponseDto,
  description: 'Too many questions from this client within the hour (`ask.too_many`, Retry-After)',
};

/**
 * The public after-hours desk (docs/api.md, "After-hours answers"): no sign-in, rate-limited per
 * client (request.ip honours TRUST_PROXY). The centre reads what was asked.
 */
@ApiTags('ask')
@Controller('ask')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class AskController {
  constructor(private readonly desk: AskService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask the knowledge base (智能问答), at any hour', security: [] })
  @ApiOkResponse({ type: DeskReplyDto })
  @ApiTooManyRequestsResponse(TOO_MANY)
  ask(@Body() body: AskDto, @Req() request: Request): Promise<DeskReplyDto> {
    return this.desk.ask(body.question, body.audience, request.ip);
  }

  @Post(':id/feedback')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Say whether the answers helped', security: [] })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  feedback(@UuidParam('id') id: string, @Body() body: FeedbackDto): Promise<void> {
    return this.desk.feedback(id, body.helpful);
  }

  @Post(':id/demand')
  @Public()
  @ApiOperation({
    summary: 'Leave a demand the answers did not settle: a web case for the next working day’s agents',
    security: [],
  })
  @ApiCreatedResponse({ type: LeftDemandDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A demand was already left for this question' })
  @ApiTooManyRequestsResponse(TOO_MANY)
  leaveDemand(
    @UuidParam('id') id: string,
    @Body() body: LeaveDemandDto,
    @Req() request: Request,
  ): Promise<LeftDemandDto> {
    return this.desk.leaveDemand(id, body, request.ip);
  }

  @Get('questions')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'What the desk was asked and offered, newest first (to improve the entries)' })
  @ApiOkResponse({ type: PublicQuestionPageDto })
  questions(@Query() query: PublicQuestionQueryDto): Promise<PublicQuestionPageDto> {
    return this.desk.list(query);
  }
}
