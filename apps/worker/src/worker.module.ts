import { Module } from '@nestjs/common';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { MessagingModule } from '@hotline/messaging';
import { ObservabilityModule } from '@hotline/observability';
import { MetricsServer } from './ops/metrics-server';
import { MessageJanitor } from './outbox/message-janitor';
import { OutboxRelay } from './outbox/outbox-relay';

/** The background app: the outbox relay, Kafka consumers and scheduled jobs. No HTTP. */
@Module({
  imports: [
    AppConfigModule,
    ObservabilityModule.forRoot('worker'),
    DatabaseModule.forRoot('hotline-worker'),
    MessagingModule,
  ],
  providers: [OutboxRelay, MessageJanitor, MetricsServer],
})
export class WorkerModule {}
