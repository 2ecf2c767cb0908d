import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CasesModule, CaseSearchIndexService } from '@hotline/cases';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { ObservabilityModule } from '@hotline/observability';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    ObservabilityModule.forRoot('worker'),
    DatabaseModule.forRoot('hotline-cases-reindex'),
    CasesModule,
  ],
})
class ReindexModule {}

/**
 * `npm run cases:reindex [-- --batch=1000]`: fills the search documents of cases registered before
 * `cases.search_document` existed, in keyset batches that skip rows an action holds (docs/operations.md).
 * Safe to run beside the api and the worker, and again: it only touches rows still without a document.
 */
async function main(): Promise<void> {
  const batchArg = process.argv.find((a) => a.startsWith('--batch='));
  const batchSize = batchArg ? Number(batchArg.slice('--batch='.length)) : 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch must be a positive integer`);
  const app = await NestFactory.createApplicationContext(ReindexModule, { logger: ['error', 'warn'] });
  try {
    let reported = 0;
    const { filled, passes } = await app.get(CaseSearchIndexService).fillMissing({
      batchSize,
      onBatch: (n) => {
        if (n - reported >= 100_000) console.log(`cases: ${(reported = n)} search documents filled so far`);
      },
    });
    console.log(`cases: ${filled} search documents filled in ${passes} pass(es)`);
  } finally {
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`cases reindex failed: ${error.message}`);
  process.exit(1);
});
