import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@hotline/auth';
import { type Open311ClientEntity, Open311ClientsService } from '@hotline/open311';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { ErrorResponseDto } from '../http/error-response';
import { UuidParam } from '../http/uuid-param';
import {
  IssuedOpen311ClientDto,
  IssueOpen311ClientDto,
  Open311ClientDto,
  Open311ClientListDto,
} from './dto/open311-client.dto';

/** The applications that may file Open311 requests, and their keys (admins). */
@ApiTags('open311')
@Controller('open311/clients')
@Roles('admin')
@ApiBadRequestResponse({ type: ErrorResponseDto })
export class Open311ClientsController {
  constructor(private readonly clients: Open311ClientsService) {}

  @Post()
  @ApiOperation({ summary: 'Issue an Open311 client and its api_key (shown once)' })
  @ApiCreatedResponse({ type: IssuedOpen311ClientDto })
  async issue(
    @Body() body: IssueOpen311ClientDto,
    @CurrentPrincipal() admin: Principal,
  ): Promise<IssuedOpen311ClientDto> {
    const { client, apiKey } = await this.clients.issue(body.name.trim(), admin.userId);
    return { ...toDto(client), apiKey };
  }

  @Get()
  @ApiOperation({ summary: 'The Open311 client applications, active and revoked' })
  @ApiOkResponse({ type: Open311ClientListDto })
  async list(): Promise<Open311ClientListDto> {
    const items = (await this.clients.list()).map(toDto);
    return { items, total: items.length };
  }

  @Post(':id/revoke')
  @ApiOperation({ summary: 'Revoke a client: its api_key is refused from now on' })
  @ApiCreatedResponse({ type: Open311ClientDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@UuidParam('id') id: string): Promise<Open311ClientDto> {
    return toDto(await this.clients.revoke(id));
  }
}

function toDto(client: Open311ClientEntity): Open311ClientDto {
  return { id: client.id, name: client.name, active: client.active, createdAt: client.createdAt };
}
