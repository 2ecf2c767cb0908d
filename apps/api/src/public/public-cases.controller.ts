import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CallbacksService } from '@hotline/callbacks';
import { CaseQueriesService, publicStage, publicTimeline, showsReply } from '@hotline/cases';
import type { CitizenSession } from '@hotline/citizen-access';
import { NotificationsService } from '@hotline/notifications';
import { ErrorResponseDto } from '../http/error-response';
import { Idempotent } from '../http/idempotent';
import { CurrentCitizen } from './citizen.guard';
import { CitizenRoutes } from './citizen-routes';
import { NotificationPreferenceDto, PublicCaseDto, RateCaseDto } from './dto/public-case.dto';

/**
 * Citizens follow and rate their own cases (docs/api.md, "Progress lookup"): found by case number and
 * the proven number together, shown without staff names or internal notes; the rating is a callback
 * through the web channel. And their choice about SMS messages.
 */
@ApiTags('citizens')
@Controller('public')
@CitizenRoutes()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class PublicCasesController {
  constructor(
    private readonly cases: CaseQueriesService,
    private readonly callbacks: CallbacksService,
    private readonly notifications: NotificationsService,
  ) {}

  @Get('cases/:caseNumber')
  @ApiOperation({ summary: 'The progress of the citizen’s own case: stage, public timeline, the reply once resolved' })
  @ApiOkResponse({ type: PublicCaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such case for this number' })
  progress(@Param('caseNumber') caseNumber: string, @CurrentCitizen() citizen: CitizenSession): Promise<PublicCaseDto> {
    return this.view(caseNumber, citizen.phone);
  }

  @Post('cases/:caseNumber/rating')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Rate the resolution: recorded as a callback through the web channel, counted in the three rates',
  })
  @ApiOkResponse({ type: PublicCaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The case is not waiting for a rating (`callback.not_due`), or closed already (`case.finished`)',
  })
  async rate(
    @Param('caseNumber') caseNumber: string,
    @Body() body: RateCaseDto,
    @CurrentCitizen() citizen: CitizenSession,
  ): Promise<PublicCaseDto> {
    const { case: own } = await this.cases.ofCitizen(caseNumber, citizen.phone);
    await this.callbacks.rateOnline(own.id, {
      solved: body.solved,
      satisfaction: body.satisfaction,
      note: body.comment,
    });
    return this.view(caseNumber, citizen.phone);
  }

  @Get('notification-preference')
  @ApiOperation({ summary: 'Whether the citizen’s number gets case messages by SMS' })
  @ApiOkResponse({ type: NotificationPreferenceDto })
  async preference(@CurrentCitizen() citizen: CitizenSession): Promise<NotificationPreferenceDto> {
    return { optedOut: await this.notifications.isOptedOut(citizen.phone) };
  }

  @Put('notification-preference')
  @ApiOperation({ summary: 'Opt out of case messages by SMS, or back in' })
  @ApiOkResponse({ type: NotificationPreferenceDto })
  async setPreference(
    @Body() body: NotificationPreferenceDto,
    @CurrentCitizen() citizen: CitizenSession,
  ): Promise<NotificationPreferenceDto> {
    await this.notifications.setOptOut(citizen.phone, body.optedOut);
    return { optedOut: body.optedOut };
  }

  private async view(caseNumber: string, phone: string): Promise<PublicCaseDto> {
    const { case: c, events } = await this.cases.ofCitizen(caseNumber, phone);
    return {
      caseNumber: c.caseNumber,
      status: c.status,
      stage: publicStage(c.status),
      description: c.description,
      registeredAt: c.registeredAt,
      timeline: publicTimeline(events),
      reply: showsReply(c.status) ? c.resolutionReply : null,
      ratable: c.status === 'resolved',
    };
  }
}
