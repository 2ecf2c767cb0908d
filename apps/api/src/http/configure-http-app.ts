import type { NestExpressApplication } from '@nestjs/platform-express';
import { dirname } from 'node:path';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@hotline/config';
import { DASHBOARD_ASSETS } from '../dashboard/dashboard.controller';
import { answerMalformedHttp } from './malformed-http';
import { NestingDepthPipe } from './nesting-depth.pipe';
import { NoNulCharactersPipe } from './no-nul-characters.pipe';
import { createValidationPipe } from './validation-pipe';
import { buildOpenApiDocument, mountApiDocs } from './swagger';

export const API_PREFIX = 'api/v1';

/** Everything under /api/v1 except the operational endpoints docs/api.md puts at the root. */
export function applyGlobalPrefix(app: NestExpressApplication): void {
  // Open311 clients find the standard's paths at /open311/v2, beside the api rather than under it.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: ['health', 'metrics', 'dashboard', 'dashboard/report', 'open311/v2/{*path}'],
  });
}

/** TRUST_PROXY as express reads it: a hop count, `true`, or addresses/subnets/names (`loopback`, `10.0.0.0/8`). */
function trustProxySetting(value: string): number | boolean | string {
  if (/^\d+$/.test(value)) return Number(value);
  return value === 'true' ? true : value;
}

/**
 * Everything about the HTTP app that is not a module: the prefix, body limits, validation, docs.
 * main.ts and the e2e tests both call this, so tests exercise the app exactly as it runs.
 */
export function configureHttpApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  // Security headers (CSP, HSTS, no sniffing, frame denial…); CORS stays closed unless CORS_ORIGINS says.
  app.use(helmet());
  const config = app.get(AppConfig);
  const origins = config.CORS_ORIGINS;
  if (origins.length > 0) app.enableCors({ origin: origins, methods: ['GET', 'POST', 'PUT', 'PATCH'], maxAge: 600 });
  // Which proxies' X-Forwarded-For names the client (sign-in limits count per client address).
  if (config.TRUST_PROXY) app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  applyGlobalPrefix(app);
  app.useBodyParser('json', { limit: '256kb' });
  // Open311 GeoReport v2 files requests form-encoded; elsewhere the DTOs refuse a form's strings field by field.
  app.useBodyParser('urlencoded', { limit: '64kb', extended: false });
  app.useGlobalPipes(new NestingDepthPipe(), new NoNulCharactersPipe(), createValidationPipe());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  answerMalformedHttp(app.getHttpServer());
  mountApiDocs(app, buildOpenApiDocument(app));
  // The dashboard's static files (its page is served by DashboardController), ECharts from its npm package.
  app.useStaticAssets(DASHBOARD_ASSETS, { prefix: '/dashboard/assets/', index: false });
  app.useStaticAssets(dirname(require.resolve('echarts/dist/echarts.min.js')), {
    prefix: '/dashboard/assets/',
    index: false,
  });
  return app;
}
