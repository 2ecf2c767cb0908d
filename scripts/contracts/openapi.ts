import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from '../../apps/api/src/api.module';
import { applyGlobalPrefix } from '../../apps/api/src/http/configure-http-app';
import { buildOpenApiDocument } from '../../apps/api/src/http/swagger';

/**
 * Writes openapi.json from the api's own controllers and DTOs (`npm run openapi`), or with
 * `--check` fails when the committed file differs from what the code describes (CI drift check).
 * Preview mode: the module graph is read without connecting to PostgreSQL or Kafka.
 */
async function main(check: boolean): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  applyGlobalPrefix(app);
  const generated = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  const file = join(__dirname, '..', '..', 'openapi.json');
  if (!check) {
    writeFileSync(file, generated);
    console.log(
      `openapi.json written (${Object.keys((JSON.parse(generated) as { paths: object }).paths).length} paths)`,
    );
    return;
  }
  const committed = readFileSync(file, 'utf8');
  if (committed !== generated) {
    console.error('openapi.json is out of date with the code: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('openapi.json matches the code');
}

void main(process.argv.includes('--check'));
