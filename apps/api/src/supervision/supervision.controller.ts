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
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { Principal } from '@hotline/auth';
import { SUPERVISION_LEVELS, type SupervisionLevel, SupervisionService } from '@hotline/supervision';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { IsDateTime } from '../http/date-time';

export class IssueSupervisionDto {
  @ApiProperty({ enum: SUPERVISION_LEVELS }) @IsIn(SUPERVISION_LEVELS) level!: SupervisionLevel;
  @ApiProperty({ example: '请于今日内联系市民并反馈进展' }) @IsString() @MinLength(2) @MaxLength(2000) note!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Defaults by level: 24 h, 12 h, 4 h' })
  @IsOptional()
  @IsDateTime()
  dueAt?: Date;
}

export class SupervisionReplyDto {
  @ApiProperty({ example: '已于今日上午联系市民，明日完成整改' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  note!: string;
}

export class SupervisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'replied', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'replied', 'closed'])
  status?: 'open' | 'replied' | 'closed';
  @ApiPropertyOptional({ enum: SUPERVISION_LEVELS }) @IsOptional() @IsIn(SUPERVISION_LEVELS) level?: SupervisionLevel;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) unitCode?: string;
}

export class SupervisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ enum: SUPERVISION_LEVELS }) level!: string;
  @ApiProperty({ example: 'deadline_missed' }) trigger!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt!: Date;
  @ApiProperty({ enum: ['open', 'replied', 'closed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt!: Date;
  @ApiProperty({ nullable: true, type: String }) reply!: string | null;
  @ApiProperty() escalations!: number;
}

class SupervisionPageDto {
  @ApiProperty({ type: [SupervisionDto] }) items!: SupervisionDto[];
  @ApiProperty() total!: number;
}

@ApiTags('supervision')
@Controller()
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Get('supervisions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Supervision orders (督办); a handler sees its own unit’s' })
  @ApiOkResponse({ type: SupervisionPageDto })
  list(@Query() query: SupervisionQueryDto, @CurrentPrincipal() viewer: Principal): Promise<SupervisionPageDto> {
    return this.supervision.list(query, viewer);
  }

  @Post('cases/:id/supervisions')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Issue a supervision order by hand' })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  issue(
    @UuidParam('id') id: string,
    @Body() body: IssueSupervisionDto,
    @CurrentPrincipal() supervisor: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.issueByHand(id, body.level, body.note, body.dueAt, supervisor);
  }

  @Post('supervisions/:id/reply')
  @Roles('handler', 'supervisor')
  @ApiOperation({ summary: 'The unit answers the order' })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  reply(
    @UuidParam('id') id: string,
    @Body() body: SupervisionReplyDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<SupervisionDto> {
    return this.supervision.reply(id, body.note, viewer);
  }

  @Post('supervisions/:id/close')
  @Roles('supervisor')
  @ApiOperation({ summary: 'Close an order' })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  close(@UuidParam('id') id: string, @CurrentPrincipal() supervisor: Principal): Promise<SupervisionDto> {
    return this.supervision.close(id, supervisor);
  }
}
