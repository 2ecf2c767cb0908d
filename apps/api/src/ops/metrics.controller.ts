import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Public } from '../auth/access.decorators';

@ApiTags('operations')
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics', security: [] })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format: HTTP, outbox backlog and age, consumer lag, process' })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
