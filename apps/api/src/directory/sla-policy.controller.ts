import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { SlaPolicyService } from '@hotline/directory';
import type { Principal } from '@hotline/auth';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { SlaPolicyDto } from './dto/sla-policy.dto';

@ApiTags('reference data')
@Controller('sla-policy')
export class SlaPolicyController {
  constructor(private readonly policy: SlaPolicyService) {}

  @Get()
  @ApiOperation({ summary: 'The SLA policy in force' })
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: SlaPolicyDto })
  async get(): Promise<SlaPolicyDto> {
    return { items: await this.policy.current() };
  }

  @Put()
  @ApiOperation({ summary: 'Replace the whole SLA policy' })
  @Roles('admin')
  @ApiOkResponse({ type: SlaPolicyDto, description: 'The policy now in force' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async replace(@Body() body: SlaPolicyDto, @CurrentPrincipal() admin: Principal): Promise<SlaPolicyDto> {
    return { items: await this.policy.replace(body.items, admin) };
  }
}
