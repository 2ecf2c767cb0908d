import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as hdr from 'hdr-histogram-js';
import { AppConfigModule } from '@hotline/config';
import { ClockModule } from '@hotline/clock';
import { DatabaseModule } from '@hotline/database';
import { ObservabilityModule } from '@hotline/observability';

/** A latency histogram in microseconds, 1 µs to `highestUs` (a minute unless said), three digits. */
export function latencyHistogram(highestUs = 60_000_000): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: highestUs, numberOfSignificantValueDigits: 3 });
}

/**
 * `work` with libraries' services in this process, wired as the apps wire them (config, clock, logs,
 * a pool on DATABASE_URL named `applicationName`), closed afterwards: a suite times a service itself
 * rather than HTTP.
 */
export async function withLibraries<T>(
  applicationName: string,
  libraries: (Type | DynamicModule)[],
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule,
      ClockModule,
      ObservabilityModule.forRoot('worker'),
      DatabaseModule.forRoot(applicationName),
      ...libraries,
    ],
  }).compile();
  const app = await moduleRef.createNestApplication().init();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
