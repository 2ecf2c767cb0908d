import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadAppConfig } from './app-config';

/**
 * Loads `.env` (if present) into the environment through @nestjs/config, validates it once, and
 * provides the typed AppConfig to every module. Nothing else reads process.env.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ envFilePath: '.env', validate: (env) => ({ ...env, ...loadAppConfig(env) }) })],
  providers: [{ provide: AppConfig, useFactory: () => loadAppConfig(process.env) }],
  exports: [AppConfig],
})
export class AppConfigModule {}
