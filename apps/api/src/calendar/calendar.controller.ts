import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@hotline/core';
import { CalendarService } from '@hotline/sla';
import type { Principal } from '@hotline/auth';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { calendarDayProblem } from '../http/date-time';
import { ErrorResponseDto } from '../http/error-response';
import { CalendarQueryDto, CalendarDayRequestDto, CalendarDayDto } from './dto/calendar.dto';

@ApiTags('reference data')
@Controller('calendar')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Public holidays and make-up working days (调休) of a year, used for working-day limits' })
  @ApiOkResponse({ type: [CalendarDayDto] })
  year(@Query() query: CalendarQueryDto): Promise<CalendarDayDto[]> {
    return this.calendar.year(query.year);
  }

  @Put('days/:day')
  @Roles('admin')
  @ApiOperation({ summary: 'Mark a day as a holiday, a make-up working day, or normal again' })
  @ApiOkResponse({ type: CalendarDayDto })
  async set(
    @Param('day') day: string,
    @Body() body: CalendarDayRequestDto,
    @CurrentPrincipal() admin: Principal,
  ): Promise<CalendarDayDto | { day: string; kind: 'normal' }> {
    const problem = calendarDayProblem(day);
    if (problem) throw DomainError.invalidField('day', problem.message, problem.reason);
    return (await this.calendar.setDay(day, body.kind, body.name, admin)) ?? { day, kind: 'normal' };
  }
}
