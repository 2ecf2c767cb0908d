import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { developmentModeNotice } from '@hotline/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop consuming, finish the relay's batch in flight, close the pools.
  app.enableShutdownHooks();
  const notice = developmentModeNotice(process.env);
  if (notice) app.get(Logger).warn(notice, 'Bootstrap');
  app.get(Logger).log('worker started: outbox relay and consumers running', 'Bootstrap');
}

void bootstrap();
