import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiOperation,
} from '@nestjs/swagger';
import { DispatchRulesService } from '@hotline/directory';
import type { Principal } from '@hotline/auth';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { PageQueryDto } from '../http/page-query.dto';
import { CreateDispatchRuleDto, DispatchRuleDto, DispatchRulePageDto } from './dto/dispatch-rule.dto';

@ApiTags('reference data')
@Controller('dispatch-rules')
export class DispatchRulesController {
  constructor(private readonly rules: DispatchRulesService) {}

  @Get()
  @ApiOperation({ summary: 'List the dispatch catalogue in the order rules are tried' })
  @Roles('agent', 'supervisor', 'admin')
  @ApiOkResponse({ type: DispatchRulePageDto, description: 'The catalogue in the order rules are tried' })
  list(@Query() page: PageQueryDto): Promise<DispatchRulePageDto> {
    return this.rules.list(page);
  }

  @Post()
  @ApiOperation({ summary: 'Add a dispatch rule' })
  @Roles('admin')
  @ApiCreatedResponse({ type: DispatchRuleDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Name taken' })
  create(@Body() body: CreateDispatchRuleDto, @CurrentPrincipal() admin: Principal): Promise<DispatchRuleDto> {
    return this.rules.create(body, admin);
  }
}
