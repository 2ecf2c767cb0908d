import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Clock } from '@hotline/clock';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttpApp } from '../../apps/api/src/http/configure-http-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testClock } from './test-clock';

export type Http = ReturnType<typeof request>;

/**
 * The real api app (same module and HTTP set-up as main.ts) on the test database and broker, on the
 * test file's clock.
 */
export async function startApi(): Promise<{ app: NestExpressApplication; http: () => Http }> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(Clock)
    .useValue(testClock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureHttpApp(app);
  await app.init();
  return { app, http: () => request(app.getHttpServer()) };
}

/** The real worker app (relay, consumers, clocks), on the same clock as the file's api. */
export async function startWorker(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(Clock)
    .useValue(testClock)
    .compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return app;
}
