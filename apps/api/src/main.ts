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

void bootstrap();
