import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { DispatchModule } from '@hotline/dispatch';
import { HandlingModule } from '@hotline/handling';
import { IdempotencyModule } from '@hotline/idempotency';
import { KpiModule } from '@hotline/kpi';
import { NotificationsModule } from '@hotline/notifications';
import { SlaModule } from '@hotline/sla';
import { SupervisionModule } from '@hotline/supervision';
import { MessagingModule, TopicsBootstrapService } from '@hotline/messaging';
import { DirectoryModule } from '@hotline/directory';
import { ObservabilityModule } from '@hotline/observability';
import { ClocksJob } from './clocks/clocks.job';
import { AutoDispatchConsumer } from './consumers/auto-dispatch.consumer';
import { CitizenNotifierConsumer } from './consumers/citizen-notifier.consumer';
import { NotificationReceiptsConsumer } from './consumers/notification-receipts.consumer';
import { SupervisionIssuerConsumer } from './consumers/supervision-issuer.consumer';
import { ConsumersStartupService } from './consumers/consumers-startup.service';
import { InboxProjectorConsumer } from './consumers/inbox-projector.consumer';
import { KpiProjectorConsumer } from './consumers/kpi-projector.consumer';
import { TelephonyConsumer } from './consumers/telephony.consumer';
import { UnitRepliesConsumer } from './consumers/unit-replies.consumer';
import { UnitChannelsJob } from './consumers/unit-channels.job';
import { MetricsServerService } from './ops/metrics-server.service';
import { IdempotencyPurgeJob } from './idempotency/idempotency-purge.job';
import { MessagePruneJob } from './outbox/message-prune.job';
import { OutboxRelayJob } from './outbox/outbox-relay.job';

/** The background app: the outbox relay, Kafka consumers and scheduled jobs. No HTTP but metrics. */
@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    ObservabilityModule.forRoot('worker'),
    DatabaseModule.forRoot('hotline-worker'),
    MessagingModule,
    CasesModule,
    DirectoryModule,
    DispatchModule,
    HandlingModule,
    SupervisionModule,
    SlaModule,
    KpiModule,
    NotificationsModule,
    IdempotencyModule,
  ],
  providers: [
    TopicsBootstrapService,
    OutboxRelayJob,
    MessagePruneJob,
    IdempotencyPurgeJob,
    MetricsServerService,
    TelephonyConsumer,
    InboxProjectorConsumer,
    AutoDispatchConsumer,
    UnitRepliesConsumer,
    SupervisionIssuerConsumer,
    KpiProjectorConsumer,
    CitizenNotifierConsumer,
    NotificationReceiptsConsumer,
    ConsumersStartupService,
    UnitChannelsJob,
    ClocksJob,
  ],
})
export class WorkerModule {}
