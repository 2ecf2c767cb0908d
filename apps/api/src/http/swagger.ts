import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import * as swaggerUi from 'swagger-ui-express';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('12345 Hotline Case Management API')
    .setDescription(
      'Intake, routing to handling units through Kafka, handling, SLA clocks and the five 100% targets ' +
        'of a city 12345 citizen service hotline (接诉即办). Get a token from POST /api/v1/auth/token and ' +
        'send it as `Authorization: Bearer <token>`. Errors always have the ErrorResponse shape.',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('http://127.0.0.1:3000', 'Local development')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // Citizens' own routes (/api/v1/public/...): a session from a number proven with a one-time code.
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Citizen-Token' }, 'citizen')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
}

/** Swagger UI at /docs (swagger-ui-express) and the document at /docs-json. */
export function mountApiDocs(app: INestApplication, document: OpenAPIObject): void {
  const http = app.getHttpAdapter();
  http.get('/docs-json', (_req: unknown, res: { json(body: unknown): void }) => res.json(document));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: '12345 Hotline API' }));
}
