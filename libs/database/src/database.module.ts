import { DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '@hotline/config';
import { dataSourceOptions } from './data-source-options';
import { TransactionService } from './transaction.service';

@Global()
@Module({})
export class DatabaseModule {
  /** `applicationName` shows in pg_stat_activity, so each app's connections can be told apart. */
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, applicationName, 'app'),
            autoLoadEntities: true,
            // Retries belong to callers (consumers back off, the api answers 503), not to boot.
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
        ClsModule.forRoot({
          global: true,
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      providers: [TransactionService],
      exports: [TransactionService],
    };
  }
}
