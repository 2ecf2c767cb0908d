import { randomUUID } from 'node:crypto';
import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AppConfig } from '@hotline/config';
import { loggableError, redactPhoneNumbers, redactQuery, redactUrl } from './domain/log-redaction';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * JSON logs (nestjs-pino) with a request id on every HTTP log line, and the app's Prometheus
 * registry. One registry per app instance (not prom-client's global one), so several app
 * instances can live in one test process.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(appName: 'api' | 'worker'): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { app: appName },
              genReqId: (req, res) => {
                const incoming = req.headers[REQUEST_ID_HEADER];
                const id = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
                res.setHeader(REQUEST_ID_HEADER, id);
                return id;
              },
              // Never log credentials or citizens' identities from request bodies or headers.
              redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-citizen-token"]'],
              // …nor from URLs, failed SQL statements or any message (docs/operations.md, "Logs").
              serializers: { req: loggableRequest, err: loggableError },
              hooks: { streamWrite: redactPhoneNumbers },
              autoLogging: { ignore: (req) => req.url === '/metrics' || req.url === '/health' },
            },
          }),
        }),
      ],
      providers: [
        {
          provide: Registry,
          useFactory: () => {
            const registry = new Registry();
            registry.setDefaultLabels({ app: appName });
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
      ],
      exports: [Registry],
    };
  }
}

/** pino-http's request as logged (the standard serializer's output), its URL and query redacted. */
function loggableRequest(req: { url?: unknown; query?: unknown }): object {
  const { url, query } = req;
  if (typeof url === 'string') req.url = redactUrl(url);
  req.query = redactQuery(query);
  return req;
}
