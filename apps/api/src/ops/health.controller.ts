import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access.decorators';
import { KafkaHealthIndicator } from './kafka.health';

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
  ) {}

  /** Liveness and readiness: 200 when the database and Kafka both answer, else 503 with details. */
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'Database and Kafka are up' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; see details' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.kafka.check('kafka'),
    ]);
  }
}
