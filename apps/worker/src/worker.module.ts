import { Module } from '@nestjs/common';
import { CasesModule } from '@hotline/cases';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { DispatchModule } from '@hotline/dispatch';
import { HandlingModule } from '@hotline/handling';
import { KpiModule } from '@hotline/kpi';
import { SlaModule } from '@hotline/sla';
import { SupervisionModule } from '@hotline/supervision';
import { MessagingModule } from '@hotline/messaging';
import { ObservabilityModule } from '@hotline/observability';
import { ClocksJob } from './clocks/clocks.job';
import { AutoDispatchConsumer } from './consumers/auto-dispatch.consumer';
import { SupervisionIssuerConsumer } from './consumers/supervision-issuer.consumer';
import { ConsumersBootstrap } from './consumers/consumers.bootstrap';
import { InboxProjectorConsumer } from './consumers/inbox-projector.consumer';
import { KpiProjectorConsumer } from './consumers/kpi-projector.consumer';
import { TelephonyConsumer } from './consumers/telephony.consumer';
import { UnitRepliesConsumer } from './consumers/unit-replies.consumer';
import { MetricsServer } from './ops/metrics-server';
import { MessageJanitor } from './outbox/message-janitor';
import { OutboxRelay } from './outbox/outbox-relay';

/** The background app: the outbox relay, Kafka consumers and scheduled jobs. No HTTP but metrics. */
@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    ObservabilityModule.forRoot('worker'),
    DatabaseModule.forRoot('hotline-worker'),
    MessagingModule,
    CasesModule,
    DispatchModule,
    HandlingModule,
    SupervisionModule,
    SlaModule,
    KpiModule,
  ],
  providers: [
    OutboxRelay,
    MessageJanitor,
    MetricsServer,
    TelephonyConsumer,
    InboxProjectorConsumer,
    AutoDispatchConsumer,
    UnitRepliesConsumer,
    SupervisionIssuerConsumer,
    KpiProjectorConsumer,
    ConsumersBootstrap,
    ClocksJob,
  ],
})
export class WorkerModule {}
