import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig, developmentModeNotice } from '@hotline/config';
import { ApiModule } from './api.module';
import { configureHttpApp } from './http/configure-http-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, bodyParser: false });
  configureHttpApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.PORT, config.HOST);
  const notice = developmentModeNotice(process.env);
  if (notice) app.get(Logger).warn(notice, 'Bootstrap');
  app.get(Logger).log(`api listening on http://${config.HOST}:${config.PORT} (Swagger UI: /docs)`, 'Bootstrap');
}

// A start that fails is said and ends the process with a failure code, never as an unhandled rejection.
bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `api did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
