import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { KafkaHealthIndicator } from './kafka-health.indicator';

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  /**
   * Liveness and readiness: 200 when the database and Kafka both answer, else 503 with the same
   * report (terminus' format, which load balancers and monitors expect, not the error shape).
   */
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness (database, Kafka)', security: [] })
  @HealthCheck()
  @ApiOkResponse({ description: 'Database and Kafka are up' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; see details' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 2000 }),
        () => this.kafka.check('kafka'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
