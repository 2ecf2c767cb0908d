import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@hotline/audit';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { DirectoryModule } from '@hotline/directory';
import { KnowledgeModule, KnowledgeSearchService, KnowledgeService } from '@hotline/knowledge';
import { ObservabilityModule } from '@hotline/observability';

/** The application_name of the tools' connections (pg_stat_activity). */
export const KNOWLEDGE_TOOLS_APPLICATION = 'hotline-knowledge-import';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    ObservabilityModule.forRoot('worker'),
    DatabaseModule.forRoot(KNOWLEDGE_TOOLS_APPLICATION),
    AuditModule,
    DirectoryModule,
    KnowledgeModule,
  ],
})
class KnowledgeToolsModule {}

/**
 * The knowledge library on DATABASE_URL without the api or the worker: for the seed (prepare:stack),
 * `npm run import:knowledge` and the bench. Closed (its pool too) when `work` ends.
 */
export async function withKnowledge<T>(
  work: (services: { knowledge: KnowledgeService; search: KnowledgeSearchService }) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(KnowledgeToolsModule, { logger: ['error', 'warn'] });
  try {
    return await work({ knowledge: app.get(KnowledgeService), search: app.get(KnowledgeSearchService) });
  } finally {
    await app.close();
  }
}
