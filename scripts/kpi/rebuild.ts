import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { DirectoryModule } from '@hotline/directory';
import { KpiModule, KpiRebuildService } from '@hotline/kpi';
import { ObservabilityModule } from '@hotline/observability';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    ObservabilityModule.forRoot('worker'),
    DatabaseModule.forRoot('hotline-kpi-rebuild'),
    DirectoryModule,
    KpiModule,
  ],
})
class RebuildModule {}

/**
 * `npm run kpi:rebuild`: rebuilds the KPI projection (facts and rollups) from the stored case
 * events. Stop the worker first (its kpi-projector would count events applied meanwhile twice).
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RebuildModule, { logger: ['error', 'warn', 'log'] });
  try {
    const { cases, events } = await app.get(KpiRebuildService).rebuild();
    console.log(`kpi: projection rebuilt from ${events} events of ${cases} cases`);
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`kpi rebuild failed: ${error.message}`);
  process.exit(1);
});
