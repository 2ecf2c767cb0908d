import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, loadAppConfig } from './app-config';

/**
 * Loads `.env` (if present) into the environment through @nestjs/config, validates it once, and
 * provides the typed AppConfig to every module. Nothing else reads process.env.
 */
@Global()
@Module({
  imports: [ConfigModule.forRoot({ envFilePath: '.env', validate })],
  providers: [{ provide: AppConfig, useFactory: () => loadAppConfig(process.env) }],
  exports: [AppConfig],
})
export class AppConfigModule {}

/**
 * Fails start-up on a bad variable; hands the environment back as it was, so defaults are not
 * written into process.env (the start-up notice must see whether NODE_ENV was set at all).
 */
function validate(env: Record<string, unknown>): Record<string, unknown> {
  loadAppConfig(env as NodeJS.ProcessEnv);
  return env;
}
