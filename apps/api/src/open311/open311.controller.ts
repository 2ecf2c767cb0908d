import { Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import type { Response } from 'express';
import { instant } from '@hotline/clock';
import { DomainError } from '@hotline/core';
import { type Open311Document, type Open311Format, Open311Service, renderOpen311 } from '@hotline/open311';
import { Public } from '../auth/access.decorators';
import { Open311ErrorFilter } from './open311-error.filter';

/** How many requests `GET requests` lists at most, as the standard leaves to the server. */
const MAX_LISTED = 1000;

/**
 * Open311 GeoReport v2 at /open311/v2 (docs/api.md, "Open311 GeoReport v2"): JSON or XML by the path's
 * extension, form-encoded requests, the standard's error shape. Its contract is the standard's, so it
 * stays out of openapi.json; reading is public, filing needs a client's `api_key`.
 */
@ApiExcludeController()
@Controller('open311/v2')
@Public()
@UseFilters(Open311ErrorFilter)
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('services.:format')
  async services(@Param('format') format: string, @Res() res: Response): Promise<void> {
    send(res, 200, formatOf(format), { kind: 'services', services: await this.open311.services() });
  }

  @Get('services/:code.:format')
  async service(@Param('code') code: string, @Param('format') format: string, @Res() res: Response): Promise<void> {
    const definition = await this.open311.serviceDefinition(code);
    send(res, 200, formatOf(format), { kind: 'service_definition', definition });
  }

  @Post('requests.:format')
  async file(
    @Param('format') format: string,
    @Body() form: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const chosen = formatOf(format);
    send(res, 201, chosen, { kind: 'created', created: await this.open311.file(form ?? {}) });
  }

  @Get('requests.:format')
  async requests(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const chosen = formatOf(format);
    const requests = await this.open311.requests({
      ids:
        typeof query.service_request_id === 'string'
          ? query.service_request_id.split(',').filter((id) => isUUID(id))
          : undefined,
      serviceCode: typeof query.service_code === 'string' ? query.service_code : undefined,
      status: query.status === 'open' || query.status === 'closed' ? query.status : undefined,
      since: dateOf(query.start_date, 'start_date'),
      until: dateOf(query.end_date, 'end_date'),
      limit: MAX_LISTED,
    });
    send(res, 200, chosen, { kind: 'requests', requests });
  }

  @Get('requests/:id.:format')
  async request(@Param('id') id: string, @Param('format') format: string, @Res() res: Response): Promise<void> {
    const chosen = formatOf(format);
    if (!isUUID(id)) throw new DomainError('open311.not_found', `No service request ${id}`);
    send(res, 200, chosen, { kind: 'requests', requests: await this.open311.request(id) });
  }
}

function formatOf(extension: string): Open311Format {
  if (extension === 'json' || extension === 'xml') return extension;
  throw new DomainError('open311.not_found', `Open311 answers .json or .xml, not .${extension}`);
}

function send(res: Response, status: number, format: Open311Format, document: Open311Document): void {
  const { contentType, body } = renderOpen311(format, document);
  res.status(status).type(contentType).send(body);
}

/** A W3C date-time bound (the standard's start_date/end_date), 1970 to 9999. */
function dateOf(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? instant(value) : undefined;
  const year = at?.getUTCFullYear();
  if (!at || Number.isNaN(at.getTime()) || year! < 1970 || year! > 9999) {
    throw DomainError.invalidField(field, `${field} must be a W3C date-time (2026-12-01T00:00:00+08:00)`, 'not_a_date');
  }
  return at;
}
