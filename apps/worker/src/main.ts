import 'reflect-metadata';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { developmentModeNotice } from '@hotline/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // The worker's start runs inside createApplicationContext and may wait for Kafka: its lines are
  // written at once (JSON, as pino's are) instead of buffered until pino takes over after the start.
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new ConsoleLogger({ json: true, logLevels: startLogLevels(process.env.LOG_LEVEL) }),
  });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop consuming, finish the relay's batch in flight, close the pools.
  app.enableShutdownHooks();
  const notice = developmentModeNotice(process.env);
  if (notice) app.get(Logger).warn(notice, 'Bootstrap');
  app.get(Logger).log('worker started: outbox relay and consumers running', 'Bootstrap');
}

/** Nest's levels for LOG_LEVEL (pino's names): the start's lines as pino would filter them. */
function startLogLevels(level = 'info'): LogLevel[] {
  const quiet = ['warn', 'error', 'fatal', 'silent'].includes(level);
  return quiet ? ['fatal', 'error', 'warn'] : ['fatal', 'error', 'warn', 'log'];
}

// A start that fails is said and ends the process with a failure code, never as an unhandled rejection.
bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `worker did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
