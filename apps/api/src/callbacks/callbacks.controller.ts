import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Principal } from '@hotline/auth';
import { CallbacksService } from '@hotline/callbacks';
import { SATISFACTION_LEVELS, type Satisfaction, toCaseView } from '@hotline/cases';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CaseDto } from '../cases/dto/case.dto';
import { ErrorResponseDto } from '../http/error-response';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';

export class CallbackDto {
  @ApiProperty({ description: 'Was the citizen reached?' }) @IsBoolean() reached!: boolean;
  @ApiPropertyOptional({ description: 'Required when reached' }) @IsOptional() @IsBoolean() solved?: boolean;
  @ApiPropertyOptional({ enum: SATISFACTION_LEVELS, description: 'Required when reached' })
  @IsOptional()
  @IsIn(SATISFACTION_LEVELS)
  satisfaction?: Satisfaction;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
}

export class UnreasonableDto {
  @ApiProperty({ example: '诉求超出政府职责范围' }) @IsString() @MinLength(2) @MaxLength(2000) reason!: string;
}

class DueCaseDto extends CaseDto {
  @ApiProperty({ type: String, format: 'date-time' }) callbackDueAt!: string;
}
class DuePageDto {
  @ApiProperty({ type: [DueCaseDto] }) items!: DueCaseDto[];
  @ApiProperty() total!: number;
}

@ApiTags('callbacks')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class CallbacksController {
  constructor(private readonly callbacks: CallbacksService) {}

  @Get('callbacks/due')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary: 'The callback queue (回访): resolved cases and cases past their resolve deadline, soonest due first',
  })
  @ApiOkResponse({ type: DuePageDto })
  due(@Query() page: PageQueryDto, @CurrentPrincipal() agent: Principal): Promise<DuePageDto> {
    return this.callbacks.due(agent, page);
  }

  @Post('cases/:id/callback')
  @Roles('agent', 'supervisor')
  @ApiOperation({
    summary:
      'Record a callback: solved and satisfied closes; unsolved or unsatisfied reopens and triggers supervision; 3 unreachable close',
  })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async record(
    @UuidParam('id') id: string,
    @Body() body: CallbackDto,
    @CurrentPrincipal() agent: Principal,
  ): Promise<CaseDto> {
    return toCaseView(await this.callbacks.record(id, body, agent), agent);
  }

  @Post('cases/:id/unreasonable')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Mark a demand unreasonable (not 合理诉求), with a reason, before its callback' })
  @ApiCreatedResponse({ type: CaseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  async unreasonable(
    @UuidParam('id') id: string,
    @Body() body: UnreasonableDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<CaseDto> {
    return toCaseView(await this.callbacks.markUnreasonable(id, body.reason, supervisor), supervisor);
  }
}
